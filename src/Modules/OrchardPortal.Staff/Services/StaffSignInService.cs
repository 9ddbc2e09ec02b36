using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OrchardPortal.Core.Data;
using OrchardPortal.Core.Security;
using OrchardPortal.Core.Tenancy;
using OrchardPortal.Staff.Models;

namespace OrchardPortal.Staff.Services;

public enum StaffSignInResult
{
    Succeeded,
    Failed,
    LockedOut,
}

/// <summary>Checks staff credentials with lockout, and issues the staff cookie.</summary>
public sealed class StaffSignInService(
    TenantDbContext db,
    TenantScope scope,
    IPasswordHasher<StaffUser> hasher,
    UnknownEmailThrottle unknownEmails,
    TimeProvider clock)
{
    // Verifying against a real hash when the email is unknown keeps both paths equally slow.
    private static readonly Lazy<string> DummyHash = new(() => new PasswordHasher<StaffUser>().HashPassword(null!, "not-a-real-password-0"));

    public async Task<(StaffSignInResult Result, StaffUser? User)> CheckPasswordAsync(string? email, string? password, CancellationToken cancellationToken)
    {
        var normalized = EmailAddress.Normalize(email) ?? (email ?? "").Trim().ToLowerInvariant();
        var now = clock.GetUtcNow();
        var user = await db.Set<StaffUser>().FirstOrDefaultAsync(u => u.Email == normalized, cancellationToken);
        if (user is null)
        {
            return (CheckUnknown(normalized, password), null);
        }

        if (user.LockoutEndUtc > now)
        {
            return (StaffSignInResult.LockedOut, null);
        }

        var verified = user.PasswordHash is not null && !string.IsNullOrEmpty(password)
            ? hasher.VerifyHashedPassword(user, user.PasswordHash, password)
            : Verify(password);
        if (verified == PasswordVerificationResult.Failed || user.Disabled || user.PasswordHash is null)
        {
            return (await RecordFailureAsync(user, now, cancellationToken), null);
        }

        if (verified == PasswordVerificationResult.SuccessRehashNeeded)
        {
            user.PasswordHash = hasher.HashPassword(user, password!);
        }

        user.FailedAttempts = 0;
        user.LockoutEndUtc = null;
        await db.SaveChangesAsync(cancellationToken);
        return (StaffSignInResult.Succeeded, user);
    }

    /// <summary>Issues the staff cookie for <paramref name="user"/> on the current tenant and records the sign-in.</summary>
    public async Task SignInAsync(HttpContext context, StaffUser user, CancellationToken cancellationToken)
    {
        await db.Set<StaffUser>().Where(u => u.Id == user.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.LastSignInUtc, clock.GetUtcNow()), cancellationToken);
        await context.SignInAsync(StaffAuth.Scheme, StaffAuth.CreatePrincipal(context, user), new AuthenticationProperties { IsPersistent = false });
    }

    private StaffSignInResult CheckUnknown(string email, string? password)
    {
        Verify(password);
        var tenant = scope.Required.Name;
        if (unknownEmails.IsLockedOut(tenant, email))
        {
            return StaffSignInResult.LockedOut;
        }

        return unknownEmails.RecordFailure(tenant, email) ? StaffSignInResult.LockedOut : StaffSignInResult.Failed;
    }

    private PasswordVerificationResult Verify(string? password)
    {
        hasher.VerifyHashedPassword(null!, DummyHash.Value, password ?? "");
        return PasswordVerificationResult.Failed;
    }

    private async Task<StaffSignInResult> RecordFailureAsync(StaffUser user, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // Atomic increments: parallel guesses must not be able to lose each other's failures.
        var users = db.Set<StaffUser>().Where(u => u.Id == user.Id);
        await users.ExecuteUpdateAsync(s => s.SetProperty(u => u.FailedAttempts, u => u.FailedAttempts + 1), cancellationToken);
        var locked = await users.Where(u => u.FailedAttempts >= StaffLockout.MaxFailedAttempts)
            .ExecuteUpdateAsync(
                s => s.SetProperty(u => u.FailedAttempts, 0).SetProperty(u => u.LockoutEndUtc, now + StaffLockout.Duration),
                cancellationToken);
        return locked > 0 ? StaffSignInResult.LockedOut : StaffSignInResult.Failed;
    }
}
