using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OrchardPortal.Core.Hosting;

namespace OrchardPortal.PortalUsers.UpdateInformation;

/// <summary>
/// <c>/account/update-information</c> on every tenant: the form (GET, HEAD) and its submission (POST).
/// The POST checks the antiforgery token itself, like the other account pages, so a stale or forged
/// post gets the themed page with a message (400) and changes nothing.
/// </summary>
public static class UpdateInformationEndpoints
{
    public static void MapUpdateInformation(this IEndpointRouteBuilder endpoints)
    {
        var tenantOnly = new SiteScopeAttribute(Site.Tenant);
        endpoints.MapMethods(UpdateInformationPage.Path, [HttpMethods.Get, HttpMethods.Head],
                (UpdateInformationPage page, string? sent, CancellationToken cancellationToken) => page.ShowAsync(sent == "1", cancellationToken))
            .WithMetadata(tenantOnly).AllowAnonymous();
        endpoints.MapPost(UpdateInformationPage.Path,
                (UpdateInformationPage page, CancellationToken cancellationToken) => page.SubmitAsync(cancellationToken))
            .WithMetadata(tenantOnly).AllowAnonymous().DisableAntiforgery();
    }
}
