using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using OrchardPortal.Core.Security;
using OrchardPortal.PortalUsers.Models;

namespace OrchardPortal.PortalUsers.Services;

/// <summary>The "Portal" cookie: who a customer-portal visitor is. Bound to the tenant by Core's tenant cookie.</summary>
public static class PortalAuth
{
    public const string Scheme = "Portal";
    public const string CookieName = "op_portal";
    public const string UserIdClaim = "op:portal-user";
    public const string CustomerIdClaim = "op:customer";
    public const string StampClaim = "op:portal-stamp";

    /// <summary>"Keep me signed in" lasts this long after the last visit; otherwise the cookie ends with the browser session.</summary>
    public static readonly TimeSpan KeepSignedIn = TimeSpan.FromDays(14);

    public static ClaimsPrincipal CreatePrincipal(HttpContext context, PortalUser user)
    {
        var identity = new ClaimsIdentity(
            [
                new Claim(TenantCookieExtensions.TenantClaim, TenantCookieExtensions.CurrentSiteName(context)),
                new Claim(UserIdClaim, user.Id.ToString(CultureInfo.InvariantCulture)),
                new Claim(CustomerIdClaim, user.CustomerId.ToString(CultureInfo.InvariantCulture)),
                new Claim(StampClaim, user.SecurityStamp),
                new Claim(ClaimTypes.Name, user.Name),
            ],
            Scheme);
        return new ClaimsPrincipal(identity);
    }

    public static long? UserId(ClaimsPrincipal principal) =>
        long.TryParse(principal.FindFirstValue(UserIdClaim), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
}
