using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OrchardPortal.Admin.Services;
using OrchardPortal.Core.Email;
using OrchardPortal.Core.Hosting;
using OrchardPortal.Customers.Models;
using OrchardPortal.Customers.Services;
using OrchardPortal.Portal.Models;
using OrchardPortal.PortalUsers.Models;
using OrchardPortal.PortalUsers.Services;

namespace OrchardPortal.PortalUsers.Pages.Admin.PortalUsers;

/// <summary>
/// One customer's portal users: who they are, their state and tab permissions, and the actions on each
/// (registration link, password-reset email, disable / enable, remove after a confirmation that works
/// without JavaScript). "Send portal registration link" for the customer itself is also posted here
/// from the customer's details page. A user id of another customer, or a customer of another tenant, is a 404.
/// </summary>
[SiteScope(Site.Tenant)]
public sealed class CustomerPortalUsersModel(
    CustomerService customers,
    PortalUserService users,
    PortalInvitationService invitations,
    IEmailDeliveryStatus delivery,
    TimeProvider clock) : PageModel
{
    public Customer Customer { get; private set; } = null!;

    public IReadOnlyList<PortalUser> Users { get; private set; } = [];

    public IReadOnlyDictionary<string, FailedDelivery> Failed { get; private set; } = new Dictionary<string, FailedDelivery>();

    public DateTimeOffset Now { get; } = clock.GetUtcNow();

    /// <summary><c>?confirm=remove&amp;user=ID</c>: the removal question for that user.</summary>
    [BindProperty(SupportsGet = true, Name = "confirm")]
    public string? Confirm { get; set; }

    [BindProperty(SupportsGet = true, Name = "user")]
    public long? ConfirmUserId { get; set; }

    public PortalUser? UserToRemove => Confirm == "remove" ? Users.FirstOrDefault(u => u.Id == ConfirmUserId) : null;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    /// <summary>"Send portal registration link" for the customer (from here, or from the details page with <c>from=details</c>).</summary>
    public async Task<IActionResult> OnPostInviteCustomerAsync(long id, string? from, CancellationToken cancellationToken)
    {
        if (await customers.GetAsync(id, cancellationToken) is null)
        {
            return NotFound();
        }

        var result = await invitations.InviteCustomerAsync(id, cancellationToken);
        if (!result.Succeeded)
        {
            return await RefuseAsync(id, result.Error!, cancellationToken);
        }

        TempData.Flash($"Portal registration link sent to {result.Email}.");
        return Redirect(from == "details" ? CustomerPaths.Details(id) : PortalUserPaths.ForCustomer(id));
    }

    public Task<IActionResult> OnPostInviteAsync(long id, long userId, CancellationToken cancellationToken) =>
        ActAsync(id, userId, async user =>
        {
            var result = await invitations.InviteUserAsync(user.Id, cancellationToken);
            return result.Succeeded ? Done.Ok($"Registration link sent to {result.Email}.") : Done.Refused(result.Error!);
        }, cancellationToken);

    public Task<IActionResult> OnPostResetAsync(long id, long userId, CancellationToken cancellationToken) =>
        ActAsync(id, userId, async user =>
        {
            var result = await invitations.SendPasswordResetAsync(user.Id, cancellationToken);
            return result.Succeeded ? Done.Ok($"Password-reset email sent to {result.Email}.") : Done.Refused(result.Error!);
        }, cancellationToken);

    public Task<IActionResult> OnPostDisableAsync(long id, long userId, CancellationToken cancellationToken) =>
        ActAsync(id, userId, async user => Outcome(await users.DisableAsync(user.Id, cancellationToken),
            $"{user.Email} is disabled: they can no longer sign in, and any session they had has ended."), cancellationToken);

    public Task<IActionResult> OnPostEnableAsync(long id, long userId, CancellationToken cancellationToken) =>
        ActAsync(id, userId, async user => Outcome(await users.EnableAsync(user.Id, cancellationToken),
            $"{user.Email} is enabled again."), cancellationToken);

    public Task<IActionResult> OnPostRemoveAsync(long id, long userId, CancellationToken cancellationToken) =>
        ActAsync(id, userId, async user => Outcome(await users.RemoveAsync(user.Id, cancellationToken),
            $"{user.Email} was removed from this customer's portal users."), cancellationToken);

    public static string Permissions(PortalUser user)
    {
        var tabs = user.Permissions.Tabs is null
            ? "All tabs"
            : string.Join(", ", PortalTabs.All.Where(t => t == PortalTabs.Home || user.Permissions.Tabs.Contains(t.Key)).Select(t => t.Title));
        return tabs + (user.CanPay ? " · can pay" : " · cannot pay");
    }

    public FailedDelivery? FailedFor(string? email) => email is not null && Failed.TryGetValue(email, out var failed) ? failed : null;

    private static Done Outcome(PortalUserResult result, string success) => result switch
    {
        { NotFound: true } => Done.Refused("That portal user no longer exists."),
        { Succeeded: true } => Done.Ok(success),
        _ => Done.Refused(string.Join(" ", result.Errors.Values)),
    };

    // Every per-user action: the user must belong to the customer in the address, or it is a 404.
    private async Task<IActionResult> ActAsync(long id, long userId, Func<PortalUser, Task<Done>> action, CancellationToken cancellationToken)
    {
        var user = await users.GetAsync(userId, cancellationToken);
        if (user is null || user.CustomerId != id || await customers.GetAsync(id, cancellationToken) is null)
        {
            return NotFound();
        }

        var done = await action(user);
        if (done.IsRefusal)
        {
            return await RefuseAsync(id, done.Message, cancellationToken);
        }

        TempData.Flash(done.Message);
        return Redirect(PortalUserPaths.ForCustomer(id));
    }

    private async Task<IActionResult> RefuseAsync(long id, string message, CancellationToken cancellationToken)
    {
        ModelState.AddModelError("", message);
        Confirm = null;
        return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(long id, CancellationToken cancellationToken)
    {
        var customer = await customers.GetAsync(id, cancellationToken);
        if (customer is null)
        {
            return false;
        }

        Customer = customer;
        Users = await users.ListForCustomerAsync(id, cancellationToken);
        var addresses = Users.Select(u => u.Email).Concat(customer.Emails.Select(e => e.Address)).Distinct(StringComparer.Ordinal).ToList();
        Failed = addresses.Count == 0 ? Failed : await delivery.FailedAddressesAsync(addresses, cancellationToken);
        return true;
    }

    /// <summary>What an action says: a success notice for the next page, or a refusal shown on this one.</summary>
    private sealed record Done(string Message, bool IsRefusal)
    {
        public static Done Ok(string message) => new(message, false);

        public static Done Refused(string message) => new(message, true);
    }
}
