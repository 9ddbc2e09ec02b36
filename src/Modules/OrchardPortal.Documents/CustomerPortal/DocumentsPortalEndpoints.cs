using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OrchardPortal.Core.Hosting;
using OrchardPortal.Documents.Services;

namespace OrchardPortal.Documents.CustomerPortal;

/// <summary>
/// The portal's document URLs beside the Documents tab (GET /documents is the tab, served by the Portal
/// module): POST /documents uploads, GET /documents/{id}/download downloads.
/// </summary>
public static class DocumentsPortalEndpoints
{
    public static void MapDocumentsPortal(this IEndpointRouteBuilder endpoints)
    {
        var tenantOnly = new SiteScopeAttribute(Site.Tenant);
        // The upload reads its own form (limits and antiforgery included) so every refusal is a message on the page.
        endpoints.MapPost(DocumentPaths.Portal, (DocumentsPortalPages pages, CancellationToken cancellationToken) => pages.UploadAsync(cancellationToken))
            .WithMetadata(tenantOnly).AllowAnonymous().DisableAntiforgery();
        endpoints.MapMethods(DocumentPaths.Portal + "/{id:long}/download", [HttpMethods.Get, HttpMethods.Head],
                (long id, DocumentsPortalPages pages, CancellationToken cancellationToken) => pages.DownloadAsync(id, cancellationToken))
            .WithMetadata(tenantOnly).AllowAnonymous();
    }
}
