using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OrchardPortal.Core.Data;
using OrchardPortal.Core.Security;
using OrchardPortal.Customers.Services;
using OrchardPortal.Portal.Services;
using OrchardPortal.PortalUsers.Models;

namespace OrchardPortal.PortalUsers.Services;

/// <summary>What a sign-in attempt gives. Unknown email, wrong password, locked, disabled and inactive all say <see cref="Failed"/>.</summary>
public enum PortalSignInOutcome
{
    Succeeded,
    Failed,

    /// <summary>The tenant has switched customer logins off.</summary>
    LoginsDisabled,
}

public sealed record PortalSignInResult(PortalSignInOutcome Outcome, PortalUser? User);

/// <summary>
/// Checks portal credentials (email or account number + password) with lockout and without revealing
/// which accounts exist, and issues / removes the "Portal" cookie. Scoped to a tenant.
/// </summary>
public sealed class PortalSignInService(
    TenantDbContext db,
    CustomerService customers,
    CustomerPortalAccessService access,
    PortalSettingsService portalSettings,
    IPasswordHasher<PortalUser> hasher,
    TimeProvider clock)
{
    // An account number shared by several people: at most this many passwords are tried, so a sign-in costs a bounded time.
    private const int MaxUsersPerAccountNumber = 5;

    // Verifying against a real hash when nothing matches keeps every failure about as slow as a real check.
    private static readonly Lazy<string> DummyHash = new(() => new PasswordHasher<PortalUser>().HashPassword(null!, "not-a-real-password-0"));

    private static readonly PortalSignInResult Failed = new(PortalSignInOutcome.Failed, null);

    /// <summary>
    /// Email or account number, and password. An account number with several users signs in the active
    /// user of that customer whose password matches (a wrong password counts against each of them).
    /// Five failures lock an account for 15 minutes, even for the right password.
    /// </summary>
    public async Task<PortalSignInResult> CheckPasswordAsync(string? login, string? password, CancellationToken cancellationToken)
    {
        if (!(await portalSettings.GetAsync(cancellationToken)).EnableLogins)
        {
            return new PortalSignInResult(PortalSignInOutcome.LoginsDisabled, null);
        }

        var candidates = await CandidatesAsync(login, cancellationToken);
        var now = clock.GetUtcNow();
        // A locked account is refused like a wrong password, even for the right one, after a check just as slow.
        var open = candidates.Where(u => !(u.LockedUntilUtc > now)).ToList();
        if (open.Count == 0 || string.IsNullOrEmpty(password) || password.Length > PasswordPolicy.MaxLength)
        {
            VerifyDummy(password);
            return Failed;
        }

        foreach (var user in open)
        {
            var verified = user.Status == PortalUserStatus.Active && user.PasswordHash is not null
                ? hasher.VerifyHashedPassword(user, user.PasswordHash, password)
                : PasswordVerificationResult.Failed;
            if (verified == PasswordVerificationResult.Failed)
            {
                continue;
            }

            if (verified == PasswordVerificationResult.SuccessRehashNeeded)
            {
                user.PasswordHash = hasher.HashPassword(user, password);
            }

            user.FailedSignIns = 0;
            user.LockedUntilUtc = null;
            await db.SaveChangesAsync(cancellationToken);
            return await MayUsePortalAsync(user.CustomerId, cancellationToken) ? new PortalSignInResult(PortalSignInOutcome.Succeeded, user) : Failed;
        }

        if (open.All(u => u.PasswordHash is null || u.Status != PortalUserStatus.Active))
        {
            VerifyDummy(password);
        }

        await RecordFailuresAsync(open.Select(u => u.Id).ToList(), now, cancellationToken);
        return Failed;
    }

    /// <summary>Issues the Portal cookie for <paramref name="user"/> (14 days when <paramref name="keepSignedIn"/>, else a browser session) and records the sign-in.</summary>
    public async Task SignInAsync(HttpContext context, PortalUser user, bool keepSignedIn, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await db.Set<PortalUser>().Where(u => u.Id == user.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.LastSignInUtc, now), cancellationToken);
        await customers.SetPortalFlagsAsync(user.CustomerId, new CustomerPortalFlags(HasPortalAccount: true, LastPortalSignInUtc: now), cancellationToken);
        var properties = new AuthenticationProperties { IsPersistent = keepSignedIn, AllowRefresh = true };
        await context.SignInAsync(PortalAuth.Scheme, PortalAuth.CreatePrincipal(context, user), properties);
    }

    public static Task SignOutAsync(HttpContext context) => context.SignOutAsync(PortalAuth.Scheme);

    /// <summary>The tenant allows logins, and the customer exists, is active and is not denied the portal.</summary>
    public async Task<bool> MayUsePortalAsync(long customerId, CancellationToken cancellationToken)
    {
        if (!(await portalSettings.GetAsync(cancellationToken)).EnableLogins)
        {
            return false;
        }

        var customer = await customers.GetAsync(customerId, cancellationToken);
        if (customer is null || !customer.IsActive)
        {
            return false;
        }

        var exception = await access.FindAsync(customerId.ToString(System.Globalization.CultureInfo.InvariantCulture), cancellationToken);
        return exception?.DenyPortal != true;
    }

    private async Task<List<PortalUser>> CandidatesAsync(string? login, CancellationToken cancellationToken)
    {
        var text = (login ?? "").Trim();
        if (text.Length == 0 || text.Length > EmailAddress.MaxLength)
        {
            return [];
        }

        if (text.Contains('@', StringComparison.Ordinal))
        {
            var email = EmailAddress.Normalize(text);
            return email is null ? [] : await db.Set<PortalUser>().Where(u => u.Email == email).ToListAsync(cancellationToken);
        }

        var customer = await customers.FindByAccountNumberAsync(text, cancellationToken);
        if (customer is null)
        {
            return [];
        }

        return await db.Set<PortalUser>().Where(u => u.CustomerId == customer.Id && u.Status == PortalUserStatus.Active)
            .OrderBy(u => u.Id).Take(MaxUsersPerAccountNumber).ToListAsync(cancellationToken);
    }

    private void VerifyDummy(string? password) => hasher.VerifyHashedPassword(null!, DummyHash.Value, password ?? "");

    private async Task RecordFailuresAsync(IReadOnlyList<long> ids, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // Atomic increments: parallel guesses must not be able to lose each other's failures.
        var users = db.Set<PortalUser>().Where(u => ids.Contains(u.Id));
        await users.ExecuteUpdateAsync(s => s.SetProperty(u => u.FailedSignIns, u => u.FailedSignIns + 1), cancellationToken);
        await users.Where(u => u.FailedSignIns >= PortalLockout.MaxFailedAttempts)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.FailedSignIns, 0).SetProperty(u => u.LockedUntilUtc, now + PortalLockout.Duration), cancellationToken);
    }
}
