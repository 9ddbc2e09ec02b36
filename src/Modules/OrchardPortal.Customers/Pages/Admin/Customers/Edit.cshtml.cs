using Microsoft.AspNetCore.Mvc;
using OrchardPortal.Admin.Services;
using OrchardPortal.Core.Hosting;
using OrchardPortal.Customers.Services;

namespace OrchardPortal.Customers.Pages.Admin.Customers;

/// <summary>Staff change a customer's details. The version they started from guards against overwriting someone else's save.</summary>
[SiteScope(Site.Tenant)]
public sealed class EditCustomerModel(CustomerService customers) : CustomerFormPage
{
    [BindProperty]
    public int Version { get; set; }

    public string DisplayName { get; private set; } = "";

    public long CustomerId { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        var customer = await customers.GetAsync(id, cancellationToken);
        if (customer is null)
        {
            return NotFound();
        }

        Input = CustomerDetails.From(customer);
        Version = customer.Version;
        (CustomerId, DisplayName) = (id, customer.DisplayName);
        AddBlankRows();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            var current = await customers.GetAsync(id, cancellationToken);
            if (current is null)
            {
                return NotFound();
            }

            (CustomerId, DisplayName) = (id, current.DisplayName);
            AddBlankRows();
            return Page();
        }

        var result = await customers.UpdateAsync(id, Input, Version, cancellationToken);
        if (result.NotFound)
        {
            return NotFound();
        }

        var customer = await customers.GetAsync(id, cancellationToken);
        if (!result.Succeeded)
        {
            AddErrors(result.Errors);
            (CustomerId, DisplayName) = (id, customer?.DisplayName ?? "");
            AddBlankRows();
            return Page();
        }

        TempData.Flash($"Saved the changes to {customer?.DisplayName}.");
        return Redirect(CustomerPaths.Details(id));
    }
}
