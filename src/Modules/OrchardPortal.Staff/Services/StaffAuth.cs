using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using OrchardPortal.Core.Security;
using OrchardPortal.Staff.Models;

namespace OrchardPortal.Staff.Services;

/// <summary>The staff cookie scheme, its claims and the authorization policies built on it.</summary>
public static class StaffAuth
{
    public const string Scheme = "Staff";

    /// <summary>Any signed-in, enabled staff member of the current tenant.</summary>
    public const string StaffPolicy = "StaffMember";

    /// <summary>Only the tenant's owners (managing staff).</summary>
    public const string OwnerPolicy = "StaffOwner";

    public const string StampClaim = "op:staff-stamp";

    public const string CookieName = "op.staff";

    public static ClaimsPrincipal CreatePrincipal(HttpContext context, StaffUser user)
    {
        var identity = new ClaimsIdentity(
            [
                new Claim(TenantCookieExtensions.TenantClaim, TenantCookieExtensions.CurrentSiteName(context)),
                new Claim(ClaimTypes.NameIdentifier, user.Id.ToString()),
                new Claim(ClaimTypes.Name, user.Name),
                new Claim(ClaimTypes.Email, user.Email),
                new Claim(ClaimTypes.Role, user.Role.ToString()),
                new Claim(StampClaim, user.SecurityStamp),
            ],
            Scheme,
            ClaimTypes.Name,
            ClaimTypes.Role);
        return new ClaimsPrincipal(identity);
    }

    public static Guid? UserId(ClaimsPrincipal principal) =>
        Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;
}
