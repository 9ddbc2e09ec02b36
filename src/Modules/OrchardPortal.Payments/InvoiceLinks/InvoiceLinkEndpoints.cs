using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OrchardPortal.Core.Hosting;

namespace OrchardPortal.Payments.InvoiceLinks;

/// <summary>
/// The emailed invoice link's pages on every tenant, open to anyone holding the token. The POSTs check the
/// antiforgery token themselves so a stale form gets the themed page with a message, not a bare 400.
/// </summary>
public static class InvoiceLinkEndpoints
{
    public static void MapInvoiceLinks(this IEndpointRouteBuilder endpoints)
    {
        var tenantOnly = new SiteScopeAttribute(Site.Tenant);
        endpoints.MapGet(InvoiceLinkPaths.Page, (InvoiceLinkPages pages, string token, CancellationToken cancellationToken) => pages.ShowAsync(token, cancellationToken))
            .WithMetadata(tenantOnly).AllowAnonymous();
        endpoints.MapPost(InvoiceLinkPaths.Page, (InvoiceLinkPages pages, string token, HttpRequest request, CancellationToken cancellationToken) => pages.SubmitAsync(token, request, cancellationToken))
            .WithMetadata(tenantOnly).AllowAnonymous().DisableAntiforgery();
        endpoints.MapGet(InvoiceLinkPaths.Page + "/receipt/{attemptId}", (InvoiceLinkPages pages, string token, string attemptId, CancellationToken cancellationToken) => pages.ReceiptAsync(token, attemptId, cancellationToken))
            .WithMetadata(tenantOnly).AllowAnonymous();
        endpoints.MapPost(InvoiceLinkPaths.Page + "/authenticate/{attemptId}", (InvoiceLinkPages pages, string token, string attemptId, HttpRequest request, CancellationToken cancellationToken) => pages.AuthenticateAsync(token, attemptId, request, cancellationToken))
            .WithMetadata(tenantOnly).AllowAnonymous().DisableAntiforgery();
    }
}
