namespace OrchardPortal.PortalUsers.Services;

/// <summary>
/// Sends invitation ("Activate your account") and password-reset emails, one at a time or in bulk.
/// Each email is rendered from the tenant's template and queued through the outbox in the same save as
/// its link, so a link never exists without its email nor an email without its link. A new invitation
/// for a user invalidates their older unused ones. Scoped to a tenant.
/// </summary>
public sealed class PortalInvitationService
{
    /// <summary>
    /// "Send portal registration link" on a customer: invites the customer's portal user at the customer's
    /// primary email, creating that user (all tabs, can pay) when the customer has none yet. Refused with a
    /// clear message when the customer is unknown or inactive, has no valid email, or the address already
    /// belongs to an active account.
    /// </summary>
    public Task<PortalInvitationResult> InviteCustomerAsync(long customerId, CancellationToken cancellationToken) =>
        throw new NotImplementedException();

    /// <summary>Sends (or re-sends) an invitation to an existing portal user who has not activated yet.</summary>
    public Task<PortalInvitationResult> InviteUserAsync(long userId, CancellationToken cancellationToken) =>
        throw new NotImplementedException();

    /// <summary>
    /// The bulk "send invitation" of "Manage portal users": <see cref="InviteCustomerAsync"/> for each
    /// customer, reading customers in batches and committing a batch of links and emails at a time.
    /// Customers that cannot be invited are listed in the result, the others are sent.
    /// </summary>
    public Task<PortalBulkResult> InviteManyAsync(IReadOnlyList<long> customerIds, CancellationToken cancellationToken) =>
        throw new NotImplementedException();

    /// <summary>Emails an active user a "choose a new password" link (60 minutes). Staff use it too.</summary>
    public Task<PortalInvitationResult> SendPasswordResetAsync(long userId, CancellationToken cancellationToken) =>
        throw new NotImplementedException();

    /// <summary>The bulk "send password-reset email": one to each active portal user of each customer.</summary>
    public Task<PortalBulkResult> SendPasswordResetManyAsync(IReadOnlyList<long> customerIds, CancellationToken cancellationToken) =>
        throw new NotImplementedException();
}
