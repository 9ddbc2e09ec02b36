using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OrchardPortal.Customers.Services;
using OrchardPortal.Visits.Services;

namespace OrchardPortal.Visits.Pages.Admin.Visits;

/// <summary>What the schedule and edit pages share: the typed form, messages on its fields, and the customer's addresses.</summary>
public abstract class VisitFormPage(CustomerService customers, VisitClock clock) : PageModel
{
    public const string Prefix = "Input";

    [BindProperty]
    public VisitForm Input { get; set; } = new();

    protected CustomerService Customers => customers;

    protected VisitClock Clock => clock;

    public abstract string CancelUrl { get; }

    public string? CustomerName { get; private set; }

    public IReadOnlyList<(long Id, string Text)> Properties { get; private set; } = [];

    public string? Error(string field) =>
        ModelState.TryGetValue(Prefix + "." + field, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;

    public string? FormError => ModelState.TryGetValue("", out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;

    public string TimeZoneName { get; private set; } = "";

    protected void AddErrors(IReadOnlyDictionary<string, string> errors)
    {
        foreach (var (field, message) in errors)
        {
            ModelState.AddModelError(field.Length == 0 ? "" : Prefix + "." + field, message);
        }
    }

    /// <summary>The chosen customer's addresses (so a property can be picked) and the zone times are typed in.</summary>
    protected async Task PrepareAsync(CancellationToken cancellationToken)
    {
        TimeZoneName = (await clock.ZoneAsync(cancellationToken)).Id;
        if (string.IsNullOrWhiteSpace(Input.CustomerAccount)
            || await customers.FindByAccountNumberAsync(Input.CustomerAccount.Trim(), cancellationToken) is not { } customer)
        {
            return;
        }

        CustomerName = customer.DisplayName;
        Properties = [.. customer.Addresses.Select(a => (a.Id, VisitValidator.LocationOf(customer, a.Id) ?? a.Line1))];
    }
}
