using Microsoft.AspNetCore.Mvc;
using OrchardPortal.Admin.Services;
using OrchardPortal.Core.Hosting;
using OrchardPortal.Customers.Services;

namespace OrchardPortal.Customers.Pages.Admin.Customers;

/// <summary>Staff add one customer by hand.</summary>
[SiteScope(Site.Tenant)]
public sealed class NewCustomerModel(CustomerService customers) : CustomerFormPage
{
    public void OnGet() => AddBlankRows();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        // A value that doesn't even bind (say, an unknown address kind) is reported on its field as is.
        if (!ModelState.IsValid)
        {
            AddBlankRows();
            return Page();
        }

        var result = await customers.CreateAsync(Input, cancellationToken);
        if (!result.Succeeded)
        {
            AddErrors(result.Errors);
            AddBlankRows();
            return Page();
        }

        var created = await customers.GetAsync(result.CustomerId, cancellationToken);
        TempData.Flash($"{created?.DisplayName} was added as customer {created?.AccountNumber}.");
        return Redirect(CustomerPaths.Details(result.CustomerId));
    }
}
