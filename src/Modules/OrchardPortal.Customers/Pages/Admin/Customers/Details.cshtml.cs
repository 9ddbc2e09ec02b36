using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OrchardPortal.Admin.Services;
using OrchardPortal.Core.Hosting;
using OrchardPortal.Customers.ContactChanges;
using OrchardPortal.Customers.Models;
using OrchardPortal.Customers.Services;

namespace OrchardPortal.Customers.Pages.Admin.Customers;

/// <summary>
/// One customer: contact details, properties, notes, portal status; deactivate or reactivate after a
/// confirmation step that works without JavaScript (<c>?confirm=deactivate</c>).
/// </summary>
[SiteScope(Site.Tenant)]
public sealed class CustomerDetailsModel(CustomerService customers, ContactChangeService changes) : PageModel
{
    public Customer Customer { get; private set; } = null!;

    public ContactChangeRequest? PendingRequest { get; private set; }

    [BindProperty(SupportsGet = true, Name = "confirm")]
    public string? Confirm { get; set; }

    public bool ConfirmingStatusChange => Confirm is "deactivate" or "reactivate";

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostDeactivateAsync(long id, CancellationToken cancellationToken) =>
        Done(await customers.DeactivateAsync(id, cancellationToken), "is now inactive. Their history stays on file; reactivate them any time.");

    public async Task<IActionResult> OnPostReactivateAsync(long id, CancellationToken cancellationToken) =>
        Done(await customers.ReactivateAsync(id, cancellationToken), "is active again.");

    private IActionResult Done(CustomerResult result, string what)
    {
        if (result.NotFound)
        {
            return NotFound();
        }

        TempData.Flash("This customer " + what);
        return Redirect(CustomerPaths.Details(result.CustomerId));
    }

    private async Task<bool> LoadAsync(long id, CancellationToken cancellationToken)
    {
        var customer = await customers.GetAsync(id, cancellationToken);
        if (customer is null)
        {
            return false;
        }

        Customer = customer;
        PendingRequest = await changes.FindPendingForCustomerAsync(id, cancellationToken);
        return true;
    }
}
