using Microsoft.AspNetCore.Http;
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
public sealed class PortalSignInService
{
    /// <summary>
    /// Email or account number, and password. An account number with several users signs in the active
    /// user of that customer whose password matches. Five failures lock an account for 15 minutes.
    /// </summary>
    public Task<PortalSignInResult> CheckPasswordAsync(string? login, string? password, CancellationToken cancellationToken) =>
        throw new NotImplementedException();

    /// <summary>Issues the Portal cookie for <paramref name="user"/> (14 days when <paramref name="keepSignedIn"/>, else a browser session) and records the sign-in.</summary>
    public Task SignInAsync(HttpContext context, PortalUser user, bool keepSignedIn, CancellationToken cancellationToken) =>
        throw new NotImplementedException();

    public Task SignOutAsync(HttpContext context) => throw new NotImplementedException();
}
