using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OrchardPortal.Core.Data;
using OrchardPortal.Core.Security;
using OrchardPortal.Customers.Services;
using OrchardPortal.Portal.Services;
using OrchardPortal.PortalUsers.Models;

namespace OrchardPortal.PortalUsers.Services;

/// <summary>The outcome of setting a password from a link: the user to sign in, or why not.</summary>
/// <param name="Link">The link's state; anything but Valid means nothing changed.</param>
/// <param name="User">The account, signed-in-ready, when the password was set.</param>
/// <param name="PasswordError">Why the password was refused (the link stays usable).</param>
public sealed record PortalPasswordResult(PortalLinkState Link, PortalUser? User, string? PasswordError)
{
    public bool Succeeded => Link == PortalLinkState.Valid && User is not null && PasswordError is null;
}

/// <summary>
/// What customers do for themselves from emailed links: activate an invitation, reset a forgotten
/// password, sign in with a one-time link, and ask for those links. Requests for links always look
/// the same from outside, whether or not the address has an account.
/// </summary>
public sealed class PortalAccountService(
    TenantDbContext db,
    PortalTokenStore tokens,
    PortalEmails emails,
    PortalSignInService signIn,
    PortalUsersSettingsService settings,
    PortalSettingsService portalSettings,
    CustomerService customers,
    IPasswordHasher<PortalUser> hasher,
    TimeProvider clock)
{
    // A second request for the same kind of link within this time sends nothing: a form submitted
    // in a loop cannot flood someone's inbox.
    private static readonly TimeSpan RequestInterval = TimeSpan.FromMinutes(1);

    public Task<PortalLinkCheck> CheckLinkAsync(string? token, PortalTokenPurpose purpose, CancellationToken cancellationToken) =>
        tokens.CheckAsync(token, purpose, cancellationToken);

    /// <summary>Sets the first password from an invitation link; the account becomes Active.</summary>
    public Task<PortalPasswordResult> ActivateAsync(string? token, string? password, CancellationToken cancellationToken) =>
        SetPasswordAsync(token, PortalTokenPurpose.Invitation, password, cancellationToken);

    /// <summary>Sets a new password from a reset link; every other session of the account ends.</summary>
    public Task<PortalPasswordResult> ResetPasswordAsync(string? token, string? password, CancellationToken cancellationToken) =>
        SetPasswordAsync(token, PortalTokenPurpose.PasswordReset, password, cancellationToken);

    /// <summary>Spends a one-time sign-in link; returns the account to sign in when it was valid.</summary>
    public async Task<PortalLinkCheck> UseSignInLinkAsync(string? token, CancellationToken cancellationToken)
    {
        var check = await tokens.CheckAsync(token, PortalTokenPurpose.SignInLink, cancellationToken);
        if (check.State != PortalLinkState.Valid)
        {
            return check;
        }

        if (!await signIn.MayUsePortalAsync(check.User!.CustomerId, cancellationToken))
        {
            return new PortalLinkCheck(PortalLinkState.Unknown, null, null);
        }

        return await tokens.SpendAsync(check.Token!, cancellationToken) ? check : check with { State = PortalLinkState.Used };
    }

    /// <summary>"Forgot password": emails a reset link when the address has an active account; otherwise does nothing, silently.</summary>
    public async Task RequestPasswordResetAsync(string? email, CancellationToken cancellationToken)
    {
        var user = await ActiveUserAsync(email, PortalTokenPurpose.PasswordReset, cancellationToken);
        if (user is not null)
        {
            await QueueReplacingAsync(user, PortalTokenPurpose.PasswordReset, emails.QueuePasswordResetAsync, cancellationToken);
        }
    }

    /// <summary>"Email me a sign-in link": as <see cref="RequestPasswordResetAsync"/>, with a 15-minute sign-in link.</summary>
    public async Task RequestSignInLinkAsync(string? email, CancellationToken cancellationToken)
    {
        var user = await ActiveUserAsync(email, PortalTokenPurpose.SignInLink, cancellationToken);
        if (user is not null)
        {
            await QueueReplacingAsync(user, PortalTokenPurpose.SignInLink, emails.QueueSignInLinkAsync, cancellationToken);
        }
    }

    /// <summary>
    /// From an expired invitation link: sends a fresh invitation to the address the old one went to
    /// (the link proves the visitor received it). Returns false when the account can no longer be invited.
    /// </summary>
    public async Task<bool> RenewInvitationAsync(string? token, CancellationToken cancellationToken)
    {
        var check = await tokens.CheckAsync(token, PortalTokenPurpose.Invitation, cancellationToken);
        if (check.State != PortalLinkState.Expired || check.User!.Status != PortalUserStatus.Invited)
        {
            return false;
        }

        var customer = await customers.GetAsync(check.User.CustomerId, cancellationToken);
        if (customer is null || !customer.IsActive)
        {
            return false;
        }

        var user = await db.Set<PortalUser>().FirstAsync(u => u.Id == check.User.Id, cancellationToken);
        var days = (await settings.GetAsync(cancellationToken)).InvitationLifetimeDays;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await tokens.RetireAsync([user.Id], PortalTokenPurpose.Invitation, cancellationToken);
        user.InvitedUtc = clock.GetUtcNow();
        await emails.QueueInvitationAsync(user, customer, days, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    private async Task<PortalPasswordResult> SetPasswordAsync(string? token, PortalTokenPurpose purpose, string? password, CancellationToken cancellationToken)
    {
        var check = await tokens.CheckAsync(token, purpose, cancellationToken);
        if (check.State != PortalLinkState.Valid)
        {
            return new PortalPasswordResult(check.State, null, null);
        }

        var user = await db.Set<PortalUser>().FirstAsync(u => u.Id == check.User!.Id, cancellationToken);
        var customer = await customers.GetAsync(user.CustomerId, cancellationToken);
        var problem = PasswordPolicy.Validate(password, user.Email, user.Name, customer?.DisplayName);
        if (problem is not null)
        {
            return new PortalPasswordResult(PortalLinkState.Valid, null, problem);
        }

        // Hashing is deliberately slow (PBKDF2), so it happens before the transaction: on SQLite the
        // transaction holds the tenant's only write lock, which the outbox and jobs are waiting for.
        var passwordHash = hasher.HashPassword(user, password!);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (!await tokens.SpendAsync(check.Token!, cancellationToken))
        {
            return new PortalPasswordResult(PortalLinkState.Used, null, null);
        }

        // Every other link of the account dies with it: a new password starts from a clean slate.
        await tokens.RetireAsync([user.Id], purpose: null, cancellationToken);
        user.PasswordHash = passwordHash;
        user.SecurityStamp = PortalTokens.NewStamp();
        user.Status = PortalUserStatus.Active;
        user.ActivatedUtc ??= clock.GetUtcNow();
        user.FailedSignIns = 0;
        user.LockedUntilUtc = null;
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new PortalPasswordResult(PortalLinkState.Valid, user, null);
    }

    // Only the newest link of a kind works: an older email lying around in an inbox is one less way in.
    private async Task QueueReplacingAsync(PortalUser user, PortalTokenPurpose purpose, Func<PortalUser, CancellationToken, Task> queue, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await tokens.RetireAsync([user.Id], purpose, cancellationToken);
        await queue(user, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private async Task<PortalUser?> ActiveUserAsync(string? email, PortalTokenPurpose purpose, CancellationToken cancellationToken)
    {
        var address = EmailAddress.Normalize(email);
        if (address is null || !(await portalSettings.GetAsync(cancellationToken)).EnableLogins)
        {
            return null;
        }

        var user = await db.Set<PortalUser>().FirstOrDefaultAsync(u => u.Email == address && u.Status == PortalUserStatus.Active, cancellationToken);
        if (user is null || !await signIn.MayUsePortalAsync(user.CustomerId, cancellationToken))
        {
            return null;
        }

        var recent = clock.GetUtcNow() - RequestInterval;
        var justSent = await db.Set<PortalToken>().AnyAsync(t => t.UserId == user.Id && t.Purpose == purpose && t.CreatedUtc > recent, cancellationToken);
        return justSent ? null : user;
    }
}
