using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using OrchardPortal.Core.Hosting;
using OrchardPortal.Core.Theming;
using OrchardPortal.Portal.Models;
using OrchardPortal.Portal.Services;

namespace OrchardPortal.Portal.CustomerPages;

/// <summary>The customer portal's URLs on every tenant: one per tab, sign-in, theme assets, and a themed 404 for anything else.</summary>
public static class PortalEndpoints
{
    public static void MapPortal(this IEndpointRouteBuilder endpoints)
    {
        var tenantOnly = new SiteScopeAttribute(Site.Tenant);
        foreach (var tab in PortalTabs.All)
        {
            endpoints.MapGet(tab.Path, (PortalPages pages, CancellationToken cancellationToken) => pages.TabAsync(tab, cancellationToken))
                .WithMetadata(tenantOnly).AllowAnonymous().WithName("portal-" + tab.Key);
        }

        endpoints.MapGet(PortalGlobalsProvider.SignInPath, (PortalPages pages, string? returnUrl, CancellationToken cancellationToken) => pages.SignInAsync(returnUrl, null, cancellationToken))
            .WithMetadata(tenantOnly).AllowAnonymous();
        endpoints.MapThemeAssets();

        // Any other address on a tenant gets the portal's own "not found" page rather than a bare one.
        endpoints.MapFallback((PortalPages pages, CancellationToken cancellationToken) => pages.NotFoundAsync(cancellationToken))
            .WithMetadata(tenantOnly).AllowAnonymous();
    }
}
