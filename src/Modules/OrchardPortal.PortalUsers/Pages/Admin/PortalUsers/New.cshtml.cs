using Microsoft.AspNetCore.Mvc;
using OrchardPortal.Admin.Services;
using OrchardPortal.Core.Hosting;
using OrchardPortal.Customers.Services;
using OrchardPortal.Portal.Services;
using OrchardPortal.PortalUsers.Services;

namespace OrchardPortal.PortalUsers.Pages.Admin.PortalUsers;

/// <summary>Staff add a portal user to a customer (a spouse, a property manager) and, usually, email them a registration link.</summary>
[SiteScope(Site.Tenant)]
public sealed class NewPortalUserModel(
    CustomerService customers, PortalUserService users, PortalInvitationService invitations, PortalSettingsService portal) : PortalUserFormPage
{
    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Input.Email = Customer.PrimaryEmail ?? "";
        Input.Name = Customer.DisplayName;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var added = await users.AddAsync(id, Input.Email, Input.Name, Permissions(), cancellationToken);
        if (added.NotFound)
        {
            return NotFound();
        }

        if (!added.Succeeded)
        {
            AddErrors(added.Errors);
            return Page();
        }

        var notice = $"{Input.Name.Trim()} was added as a portal user.";
        if (Input.SendInvitation)
        {
            var invited = await invitations.InviteUserAsync(added.UserId, cancellationToken);
            notice += invited.Succeeded ? $" A registration link is on its way to {invited.Email}." : $" No registration link was sent: {invited.Error}";
        }

        TempData.Flash(notice);
        return Redirect(PortalUserPaths.ForCustomer(id));
    }

    private async Task<bool> LoadAsync(long id, CancellationToken cancellationToken)
    {
        var customer = await customers.GetAsync(id, cancellationToken);
        if (customer is null)
        {
            return false;
        }

        Customer = customer;
        EnabledTabs = (await portal.GetAsync(cancellationToken)).EnabledTabs.ToHashSet(StringComparer.Ordinal);
        return true;
    }
}
