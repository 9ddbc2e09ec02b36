using Microsoft.EntityFrameworkCore;
using OrchardPortal.Core.Data;
using OrchardPortal.Core.Security;
using OrchardPortal.Customers.Models;
using OrchardPortal.Customers.Services;
using OrchardPortal.PortalUsers.Data;
using OrchardPortal.PortalUsers.Models;

namespace OrchardPortal.PortalUsers.Services;

/// <summary>
/// Sends invitation ("Activate your account") and password-reset emails, one at a time or in bulk.
/// Each email is rendered from the tenant's template and queued through the outbox in the same save as
/// its link, so a link never exists without its email nor an email without its link. A new invitation
/// for a user invalidates their older unused ones. Scoped to a tenant.
/// </summary>
public sealed class PortalInvitationService(
    TenantDbContext db,
    CustomerService customers,
    PortalUserService users,
    PortalTokenStore tokens,
    PortalEmails emails,
    PortalUsersSettingsService settings,
    TimeProvider clock)
{
    // Customers per transaction in bulk actions: big enough to be quick, small enough that a failure
    // (or a crash) mid-way leaves whole batches sent and the rest untouched.
    private const int BatchSize = 200;

    /// <summary>
    /// "Send portal registration link" on a customer: invites the customer's portal user at the customer's
    /// primary email, creating that user (all tabs, can pay) when the customer has none yet. Refused with a
    /// clear message when the customer is unknown or inactive, has no valid email, or the address already
    /// belongs to an active account.
    /// </summary>
    public async Task<PortalInvitationResult> InviteCustomerAsync(long customerId, CancellationToken cancellationToken)
    {
        var result = await InviteBatchAsync([customerId], [], cancellationToken);
        return result.Problems.Count > 0 ? PortalInvitationResult.Refused(result.Problems[0].Message) : result.Sent[0];
    }

    /// <summary>Sends (or re-sends) an invitation to an existing portal user who has not activated yet.</summary>
    public async Task<PortalInvitationResult> InviteUserAsync(long userId, CancellationToken cancellationToken)
    {
        var user = await db.Set<PortalUser>().FirstOrDefaultAsync(u => u.Id == userId, cancellationToken);
        if (user is null)
        {
            return PortalInvitationResult.Refused("That portal user no longer exists.", userId);
        }

        var customer = await customers.GetAsync(user.CustomerId, cancellationToken);
        var refusal = customer is null ? "That customer no longer exists."
            : !customer.IsActive ? Inactive(customer)
            : user.Status == PortalUserStatus.Active ? $"{user.Email} has already activated their account. Send a password-reset email instead."
            : user.Status == PortalUserStatus.Disabled ? $"{user.Email}'s portal account is disabled. Enable it before inviting them again."
            : null;
        if (refusal is not null)
        {
            return PortalInvitationResult.Refused(refusal, userId);
        }

        var days = (await settings.GetAsync(cancellationToken)).InvitationLifetimeDays;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await tokens.RetireAsync([user.Id], PortalTokenPurpose.Invitation, cancellationToken);
        user.InvitedUtc = clock.GetUtcNow();
        await emails.QueueInvitationAsync(user, customer!, days, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return PortalInvitationResult.Sent(user.Id, user.Email);
    }

    /// <summary>
    /// The bulk "send invitation" of "Manage portal users": <see cref="InviteCustomerAsync"/> for each
    /// customer, reading customers in batches and committing a batch of links and emails at a time.
    /// Customers that cannot be invited are listed in the result, the others are sent.
    /// </summary>
    public async Task<PortalBulkResult> InviteManyAsync(IReadOnlyList<long> customerIds, CancellationToken cancellationToken)
    {
        var sent = 0;
        var problems = new List<PortalBulkProblem>();
        var claimed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in customerIds.Distinct().Chunk(BatchSize))
        {
            var batch = await InviteBatchAsync(chunk, claimed, cancellationToken);
            sent += batch.Sent.Count;
            problems.AddRange(batch.Problems);
            // Thousands of tracked rows would make every later save slower; this batch is committed.
            db.ChangeTracker.Clear();
        }

        return new PortalBulkResult(sent, problems);
    }

    /// <summary>Emails an active user a "choose a new password" link (60 minutes). Staff use it too.</summary>
    public async Task<PortalInvitationResult> SendPasswordResetAsync(long userId, CancellationToken cancellationToken)
    {
        var user = await db.Set<PortalUser>().FirstOrDefaultAsync(u => u.Id == userId, cancellationToken);
        if (user is null)
        {
            return PortalInvitationResult.Refused("That portal user no longer exists.", userId);
        }

        var refusal = user.Status switch
        {
            PortalUserStatus.Invited => $"{user.Email} hasn't activated their account yet. Send the invitation again instead.",
            PortalUserStatus.Disabled => $"{user.Email}'s portal account is disabled. Enable it first.",
            _ => null,
        };
        if (refusal is not null)
        {
            return PortalInvitationResult.Refused(refusal, userId);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await tokens.RetireAsync([user.Id], PortalTokenPurpose.PasswordReset, cancellationToken);
        await emails.QueuePasswordResetAsync(user, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return PortalInvitationResult.Sent(user.Id, user.Email);
    }

    /// <summary>The bulk "send password-reset email": one to each active portal user of each customer.</summary>
    public async Task<PortalBulkResult> SendPasswordResetManyAsync(IReadOnlyList<long> customerIds, CancellationToken cancellationToken)
    {
        var sent = 0;
        var problems = new List<PortalBulkProblem>();
        foreach (var chunk in customerIds.Distinct().Chunk(BatchSize))
        {
            var found = (await customers.GetManyAsync(chunk, cancellationToken)).ToDictionary(c => c.Id);
            var active = await db.Set<PortalUser>().Where(u => chunk.Contains(u.CustomerId) && u.Status == PortalUserStatus.Active).OrderBy(u => u.Id).ToListAsync(cancellationToken);
            var byCustomer = active.ToLookup(u => u.CustomerId);
            var recipients = new List<PortalUser>();
            foreach (var id in chunk)
            {
                var customer = found.GetValueOrDefault(id);
                var problem = customer is null ? "There is no such customer."
                    : !byCustomer[id].Any() ? $"{customer.DisplayName} has no active portal account. Send an invitation instead."
                    : null;
                if (problem is null)
                {
                    recipients.AddRange(byCustomer[id]);
                }
                else
                {
                    problems.Add(new PortalBulkProblem(id, customer?.DisplayName, problem));
                }
            }

            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await tokens.RetireAsync(recipients.Select(u => u.Id).ToList(), PortalTokenPurpose.PasswordReset, cancellationToken);
            foreach (var user in recipients)
            {
                await emails.QueuePasswordResetAsync(user, cancellationToken);
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            db.ChangeTracker.Clear();
            sent += recipients.Count;
        }

        return new PortalBulkResult(sent, problems);
    }

    // One transaction: the batch's new accounts, their links, their emails and the customers' flags.
    private async Task<(List<PortalInvitationResult> Sent, List<PortalBulkProblem> Problems)> InviteBatchAsync(
        IReadOnlyCollection<long> customerIds, HashSet<string> claimed, CancellationToken cancellationToken)
    {
        var found = (await customers.GetManyAsync(customerIds, cancellationToken)).ToDictionary(c => c.Id);
        var addresses = found.Values.Select(PrimaryEmail).OfType<string>().Distinct().ToList();
        var existing = (await db.Set<PortalUser>().Where(u => addresses.Contains(u.Email)).ToListAsync(cancellationToken)).ToDictionary(u => u.Email, StringComparer.Ordinal);

        var problems = new List<PortalBulkProblem>();
        var invitations = new List<(PortalUser User, Customer Customer, bool IsNew)>();
        foreach (var id in customerIds)
        {
            var customer = found.GetValueOrDefault(id);
            var email = customer is null ? null : PrimaryEmail(customer);
            var user = email is null ? null : existing.GetValueOrDefault(email);
            var problem = customer is null ? "There is no such customer."
                : !customer.IsActive ? Inactive(customer)
                : email is null ? $"{customer.DisplayName} has no valid email address. Add one to the customer before sending a portal invitation."
                : !claimed.Add(email) ? $"{email} is also the email of another selected customer; each person signs in with their own address."
                : user is null ? null
                : user.CustomerId != id ? $"{email} already signs in to the portal for another customer."
                : user.Status == PortalUserStatus.Active ? $"{email} already has an active portal account. Send a password-reset email instead."
                : user.Status == PortalUserStatus.Disabled ? $"{email}'s portal account is disabled. Enable it before inviting them again."
                : null;
            if (problem is not null)
            {
                problems.Add(new PortalBulkProblem(id, customer?.DisplayName, problem));
                continue;
            }

            var isNew = user is null;
            user ??= users.NewUser(id, email!, PersonName(customer!), PortalUserPermissions.Full);
            invitations.Add((user, customer!, isNew));
        }

        var sent = new List<PortalInvitationResult>();
        if (invitations.Count == 0)
        {
            return (sent, problems);
        }

        var days = (await settings.GetAsync(cancellationToken)).InvitationLifetimeDays;
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.AddRange(invitations.Where(i => i.IsNew).Select(i => i.User));
        await db.SaveChangesAsync(cancellationToken);
        await tokens.RetireAsync(invitations.Where(i => !i.IsNew).Select(i => i.User.Id).ToList(), PortalTokenPurpose.Invitation, cancellationToken);
        foreach (var (user, customer, _) in invitations)
        {
            user.InvitedUtc = now;
            await emails.QueueInvitationAsync(user, customer, days, cancellationToken);
            sent.Add(PortalInvitationResult.Sent(user.Id, user.Email));
        }

        await db.SaveChangesAsync(cancellationToken);
        await customers.SetHasPortalAccountAsync(invitations.Where(i => i.IsNew).Select(i => i.Customer.Id).ToList(), true, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (sent, problems);
    }

    private static string Inactive(Customer customer) =>
        $"{customer.DisplayName} is inactive. Reactivate the customer before inviting them to the portal.";

    private static string? PrimaryEmail(Customer customer) =>
        EmailAddress.Normalize(customer.PrimaryEmail ?? customer.Emails.FirstOrDefault(e => e.IsPrimary)?.Address ?? customer.Emails.FirstOrDefault()?.Address);

    private static string PersonName(Customer customer)
    {
        var name = string.Join(' ', new[] { customer.FirstName, customer.LastName }.Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => n!.Trim()));
        name = name.Length > 0 ? name : customer.DisplayName;
        return name.Length > PortalUsersModel.NameLength ? name[..PortalUsersModel.NameLength] : name;
    }
}
