using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OrchardPortal.Billing.Services;
using OrchardPortal.Customers.Models;
using OrchardPortal.Customers.Services;

namespace OrchardPortal.Billing.Pages.Admin.Billing;

/// <summary>
/// What the invoice and estimate new/edit pages share: the typed form, messages on the right fields,
/// the chosen customer's properties, and spare blank line rows so lines can be added without JavaScript
/// (the line-editor script adds and removes rows on demand).
/// </summary>
public abstract class DocumentFormPage(CustomerService customers, BillingContext billing) : PageModel
{
    public const string Prefix = "Input";
    private const int SpareRows = 2;

    [BindProperty]
    public DocumentForm Input { get; set; } = new();

    [BindProperty]
    public int Version { get; set; }

    /// <summary>"invoice" or "estimate", for headings and buttons.</summary>
    public abstract string Kind { get; }

    protected CustomerService Customers => customers;

    protected BillingContext Billing => billing;

    public abstract string EndDateLabel { get; }

    public abstract string CancelUrl { get; }

    public string Currency { get; private set; } = "USD";

    public IReadOnlyList<(long Id, string Text)> Properties { get; private set; } = [];

    public string? CustomerName { get; private set; }

    public string? Error(string field) =>
        ModelState.TryGetValue(Prefix + "." + field, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;

    public string? FormError => ModelState.TryGetValue("", out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;

    protected async Task<(DocumentDraft Draft, bool Readable)> ReadAsync(CancellationToken cancellationToken)
    {
        var profile = await billing.ProfileAsync(cancellationToken);
        var (draft, errors) = await Input.ToDraftAsync(customers, profile.Currency, profile.Culture, cancellationToken);
        AddErrors(errors);
        return (draft, errors.Count == 0);
    }

    protected void AddErrors(IReadOnlyDictionary<string, string> errors)
    {
        foreach (var (field, message) in errors)
        {
            ModelState.AddModelError(field.Length == 0 ? "" : Prefix + "." + field, message);
        }
    }

    protected async Task DefaultsAsync(long? customerId, CancellationToken cancellationToken)
    {
        var today = await billing.TodayAsync(cancellationToken);
        Input.IssueDate = today.ToString(DocumentForm.DateFormat, CultureInfo.InvariantCulture);
        Input.EndDate = today.AddDays(30).ToString(DocumentForm.DateFormat, CultureInfo.InvariantCulture);
        if (customerId is { } id && await customers.GetAsync(id, cancellationToken) is { } customer)
        {
            Input.CustomerAccount = customer.AccountNumber;
        }
    }

    /// <summary>Everything the form needs to show again: the customer's properties, the currency, spare rows.</summary>
    protected async Task PrepareAsync(CancellationToken cancellationToken)
    {
        Currency = await billing.CurrencyAsync(cancellationToken);
        Customer? customer = null;
        if (!string.IsNullOrWhiteSpace(Input.CustomerAccount))
        {
            customer = await customers.FindByAccountNumberAsync(Input.CustomerAccount.Trim(), cancellationToken);
        }

        CustomerName = customer?.DisplayName;
        Properties = customer is null ? [] : [.. customer.Addresses
            .Where(a => a.Kind == AddressKind.Service)
            .Select(a => (a.Id, DocumentValidator.PropertyText(customer, a.Id) ?? a.Line1))];
        var blanks = Input.Lines.Count(l => l.IsBlank);
        for (var i = blanks; i < SpareRows && Input.Lines.Count < DocumentValidator.MaxLines; i++)
        {
            Input.Lines.Add(new LineForm { Quantity = "1" });
        }
    }
}
