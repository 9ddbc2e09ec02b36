using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OrchardPortal.Core.Hosting;
using OrchardPortal.ServiceRequests.Services;

namespace OrchardPortal.ServiceRequests.CustomerPortal;

/// <summary>
/// The portal URLs beside the Request service and Service notes tabs (GET of each tab is served by the
/// Portal module): POST /request-service, GET /request-service/{id}, its photos, POST /service-notes.
/// </summary>
public static class ServiceRequestsPortalEndpoints
{
    public static void MapServiceRequestsPortal(this IEndpointRouteBuilder endpoints)
    {
        var tenantOnly = new SiteScopeAttribute(Site.Tenant);
        string[] read = [HttpMethods.Get, HttpMethods.Head];
        // The forms are read by our own code (limits and antiforgery included) so every refusal is a message on the page.
        endpoints.MapPost(ServiceRequestPaths.PortalRequests, (RequestServicePortalPages pages, CancellationToken cancellationToken) => pages.SubmitAsync(cancellationToken))
            .WithMetadata(tenantOnly).AllowAnonymous().DisableAntiforgery();
        endpoints.MapMethods(ServiceRequestPaths.PortalRequests + "/{id:long}", read,
                (long id, RequestServicePortalPages pages, CancellationToken cancellationToken) => pages.DetailAsync(id, cancellationToken))
            .WithMetadata(tenantOnly).AllowAnonymous();
        endpoints.MapMethods(ServiceRequestPaths.PortalRequests + "/{id:long}/photos/{photoId:long}", read,
                (long id, long photoId, RequestServicePortalPages pages, CancellationToken cancellationToken) => pages.PhotoAsync(id, photoId, cancellationToken))
            .WithMetadata(tenantOnly).AllowAnonymous();
        endpoints.MapPost(ServiceRequestPaths.PortalNotes, (ServiceNotesPortalPages pages, CancellationToken cancellationToken) => pages.SubmitAsync(cancellationToken))
            .WithMetadata(tenantOnly).AllowAnonymous().DisableAntiforgery();
    }
}
