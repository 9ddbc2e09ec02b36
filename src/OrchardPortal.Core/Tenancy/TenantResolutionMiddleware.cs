using Microsoft.AspNetCore.Http;
using OrchardPortal.Core.Hosting;

namespace OrchardPortal.Core.Tenancy;

/// <summary>
/// The first thing every request meets: decides from the Host header whether it is for the host site
/// or a tenant, and answers unknown, disabled and not-yet-ready tenants with friendly pages.
/// </summary>
public sealed class TenantResolutionMiddleware(RequestDelegate next, TenantRegistry registry, TenantActivator activator)
{
    public async Task InvokeAsync(HttpContext context, TenantScope scope)
    {
        var host = context.Request.Host.Host;
        if (registry.IsHostSite(host))
        {
            await next(context);
            return;
        }

        var tenant = await registry.FindByHostAsync(host, context.RequestAborted);
        switch (tenant?.State)
        {
            case null:
                await SitePages.WriteAsync(context, StatusCodes.Status404NotFound, SitePages.UnknownPortal(context, registry));
                return;
            case TenantState.Disabled:
                await SitePages.WriteAsync(context, StatusCodes.Status503ServiceUnavailable, SitePages.Disabled(tenant));
                return;
            case TenantState.Provisioning:
                context.Response.Headers.RetryAfter = "5";
                await SitePages.WriteAsync(context, StatusCodes.Status503ServiceUnavailable, SitePages.Provisioning(tenant));
                return;
        }

        scope.Enter(tenant);
        await activator.EnsureActivatedAsync(tenant);
        await next(context);
    }
}
