using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using OrchardPortal.Core.Hosting;
using OrchardPortal.Core.Theming;
using OrchardPortal.Portal.Models;
using OrchardPortal.Portal.Services;

namespace OrchardPortal.Portal.CustomerPages;

/// <summary>The customer portal's URLs on every tenant: one per tab, sign-in, theme assets, and a themed 404 for anything else.</summary>
public static class PortalEndpoints
{
    /// <summary>Where signing out lands (a fresh request, so nothing of the old session is on the page).</summary>
    public const string SignedOutPath = PortalGlobalsProvider.SignInPath + "?signed-out=true";

    private const string SignedOutNotice = "You’re signed out.";

    public static void MapPortal(this IEndpointRouteBuilder endpoints)
    {
        var tenantOnly = new SiteScopeAttribute(Site.Tenant);
        // HEAD too: uptime monitors and link checkers ask with it, and the fallback below would otherwise say 404.
        string[] methods = [HttpMethods.Get, HttpMethods.Head];
        foreach (var tab in PortalTabs.All)
        {
            endpoints.MapMethods(tab.Path, methods, (PortalPages pages, CancellationToken cancellationToken) => pages.TabAsync(tab, cancellationToken))
                .WithMetadata(tenantOnly).AllowAnonymous().WithName("portal-" + tab.Key);
        }

        endpoints.MapMethods(PortalGlobalsProvider.SignInPath, methods, async (PortalPages pages, ICurrentPortalCustomer current, string? returnUrl, [FromQuery(Name = "signed-out")] bool? signedOut, CancellationToken cancellationToken) =>
                // Someone already signed in has nothing to do here: take them where they were going.
                await current.GetAsync(cancellationToken) is not null
                    ? Results.Redirect(PortalPages.IsLocal(returnUrl) ? returnUrl! : "/")
                    : await pages.SignInAsync(new SignInForm(returnUrl, Notice: signedOut == true ? SignedOutNotice : null), null, cancellationToken))
            .WithMetadata(tenantOnly).AllowAnonymous();
        endpoints.MapThemeAssets();

        // Any other address on a tenant gets the portal's own "not found" page rather than a bare one.
        endpoints.MapFallback((PortalPages pages, CancellationToken cancellationToken) => pages.NotFoundAsync(cancellationToken))
            .WithMetadata(tenantOnly).AllowAnonymous();
    }
}
