using OrchardPortal.PortalUsers.Models;

namespace OrchardPortal.PortalUsers.Services;

/// <summary>
/// The PortalUsers module's public contract for staff screens and other modules: a customer's portal
/// users and "Manage portal users". Scoped to a tenant. Entities it returns are detached snapshots;
/// change them through the methods here. Email is unique per tenant; removing a user deletes it.
/// </summary>
public sealed partial class PortalUserService
{
    /// <summary>The customer's portal users, oldest first.</summary>
    public Task<IReadOnlyList<PortalUser>> ListForCustomerAsync(long customerId, CancellationToken cancellationToken) =>
        throw new NotImplementedException();

    public Task<PortalUser?> GetAsync(long id, CancellationToken cancellationToken) => throw new NotImplementedException();

    /// <summary>By (normalized) email; null when no user has it.</summary>
    public Task<PortalUser?> FindByEmailAsync(string? email, CancellationToken cancellationToken) => throw new NotImplementedException();

    /// <summary>
    /// Adds a portal user (status Invited, no password) to an existing customer. Sends nothing: call
    /// <see cref="PortalInvitationService.InviteUserAsync"/> to email the activation link.
    /// Refused (errors keyed <c>Email</c>, <c>Name</c>, <c>Tabs</c>, "") for a bad or taken email, an
    /// empty name, an unknown tab, or an unknown customer.
    /// </summary>
    public Task<PortalUserResult> AddAsync(long customerId, string? email, string? name, PortalUserPermissions permissions, CancellationToken cancellationToken) =>
        throw new NotImplementedException();

    /// <summary>Changes a user's email, name and permissions; same validation as <see cref="AddAsync"/>.</summary>
    public Task<PortalUserResult> UpdateAsync(long id, string? email, string? name, PortalUserPermissions permissions, CancellationToken cancellationToken) =>
        throw new NotImplementedException();

    /// <summary>Turns the account off: no sign-in, existing sessions end at their next request, open links stop working.</summary>
    public Task<PortalUserResult> DisableAsync(long id, CancellationToken cancellationToken) => throw new NotImplementedException();

    /// <summary>Turns a disabled account back on (Active with a password, otherwise Invited).</summary>
    public Task<PortalUserResult> EnableAsync(long id, CancellationToken cancellationToken) => throw new NotImplementedException();

    /// <summary>Deletes the user and their links; sessions end. The customer's "has portal account" flag follows.</summary>
    public Task<PortalUserResult> RemoveAsync(long id, CancellationToken cancellationToken) => throw new NotImplementedException();

    /// <summary>
    /// One page of "Manage portal users": customers with at least one portal user (any status), or with
    /// <see cref="PortalUserQuery.WithoutAccount"/> customers with none; each row with the customer's
    /// name, account number, autopay flag and users. Paged by customer with the customer list's own search.
    /// </summary>
    public Task<PortalUserPage> SearchAsync(PortalUserQuery query, CancellationToken cancellationToken) => throw new NotImplementedException();
}
