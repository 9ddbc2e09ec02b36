using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using OrchardPortal.Core.Security;

namespace OrchardPortal.Tenants.Operators;

/// <summary>Names of the operator's authentication schemes and policies, and the principal a sign-in creates.</summary>
public static class OperatorAuthentication
{
    /// <summary>The cookie scheme of the operator area.</summary>
    public const string Scheme = "Operator";

    /// <summary>Bearer API keys for the operator JSON API.</summary>
    public const string ApiScheme = "OperatorApiKey";

    /// <summary>Policy for operator pages: a signed-in operator (cookie).</summary>
    public const string Policy = "Operator";

    /// <summary>Policy for the operator API: a valid API key.</summary>
    public const string ApiPolicy = "OperatorApi";

    public const string LoginPath = "/operator/login";

    public static ClaimsPrincipal CreatePrincipal(OperatorAccount account, HttpContext context)
    {
        var claims = new[]
        {
            new Claim(ClaimTypes.NameIdentifier, account.Id.ToString(CultureInfo.InvariantCulture)),
            new Claim(ClaimTypes.Name, account.Name.Length > 0 ? account.Name : account.Email),
            new Claim(ClaimTypes.Email, account.Email),
            // Required by AddTenantCookie: binds the ticket to the host site, so it is refused on any tenant.
            new Claim(TenantCookieExtensions.TenantClaim, TenantCookieExtensions.CurrentSiteName(context)),
        };
        return new ClaimsPrincipal(new ClaimsIdentity(claims, Scheme));
    }
}
