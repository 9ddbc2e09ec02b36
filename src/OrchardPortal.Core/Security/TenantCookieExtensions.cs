using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using OrchardPortal.Core.Tenancy;

namespace OrchardPortal.Core.Security;

/// <summary>Cookie schemes whose tickets are bound to one tenant (or to the host site).</summary>
public static class TenantCookieExtensions
{
    /// <summary>The claim that names the tenant a principal was signed in on ("(host)" on the host site).</summary>
    public const string TenantClaim = "op:tenant";

    public static string CurrentSiteName(HttpContext context) =>
        context.RequestServices.GetRequiredService<TenantScope>().Tenant?.Name ?? "(host)";

    /// <summary>
    /// Adds a cookie scheme whose ticket is encrypted per tenant and whose principal must carry the
    /// current tenant's <see cref="TenantClaim"/>: two independent fences against cross-tenant reuse.
    /// </summary>
    public static AuthenticationBuilder AddTenantCookie(this AuthenticationBuilder builder, string scheme, Action<CookieAuthenticationOptions> configure)
    {
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddOptions<CookieAuthenticationOptions>(scheme)
            .Configure<IDataProtectionProvider, IHttpContextAccessor>((options, provider, accessor) =>
                options.TicketDataFormat = new TenantTicketDataFormat(provider, accessor, scheme));
        return builder.AddCookie(scheme, options =>
        {
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            configure(options);
            var inner = options.Events.OnValidatePrincipal;
            options.Events.OnValidatePrincipal = async context =>
            {
                if (context.Principal?.FindFirstValue(TenantClaim) != CurrentSiteName(context.HttpContext))
                {
                    context.RejectPrincipal();
                    return;
                }

                await inner(context);
            };
        });
    }
}
