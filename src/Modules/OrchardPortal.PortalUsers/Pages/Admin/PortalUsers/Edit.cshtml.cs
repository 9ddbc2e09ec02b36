using Microsoft.AspNetCore.Mvc;
using OrchardPortal.Admin.Services;
using OrchardPortal.Core.Hosting;
using OrchardPortal.Customers.Services;
using OrchardPortal.Portal.Services;
using OrchardPortal.PortalUsers.Services;

namespace OrchardPortal.PortalUsers.Pages.Admin.PortalUsers;

/// <summary>Staff change a portal user's email, name and permissions. A user of another customer is a 404 here.</summary>
[SiteScope(Site.Tenant)]
public sealed class EditPortalUserModel(CustomerService customers, PortalUserService users, PortalSettingsService portal) : PortalUserFormPage
{
    public async Task<IActionResult> OnGetAsync(long id, long userId, CancellationToken cancellationToken)
    {
        var user = await LoadAsync(id, userId, cancellationToken);
        if (user is null)
        {
            return NotFound();
        }

        Fill(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, long userId, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, userId, cancellationToken) is null)
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await users.UpdateAsync(userId, Input.Email, Input.Name, Permissions(), cancellationToken);
        if (result.NotFound)
        {
            return NotFound();
        }

        if (!result.Succeeded)
        {
            AddErrors(result.Errors);
            return Page();
        }

        TempData.Flash($"Saved the changes to {Input.Name.Trim()}.");
        return Redirect(PortalUserPaths.ForCustomer(id));
    }

    private async Task<Models.PortalUser?> LoadAsync(long id, long userId, CancellationToken cancellationToken)
    {
        var user = await users.GetAsync(userId, cancellationToken);
        var customer = user?.CustomerId == id ? await customers.GetAsync(id, cancellationToken) : null;
        if (user is null || customer is null)
        {
            return null;
        }

        Customer = customer;
        EnabledTabs = (await portal.GetAsync(cancellationToken)).EnabledTabs.ToHashSet(StringComparer.Ordinal);
        return user;
    }
}
