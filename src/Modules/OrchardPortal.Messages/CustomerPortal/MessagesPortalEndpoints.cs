using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OrchardPortal.Core.Hosting;
using OrchardPortal.Messages.Services;

namespace OrchardPortal.Messages.CustomerPortal;

/// <summary>
/// The portal's conversation URLs beside the Messages tab (GET /messages is the tab, served by the Portal
/// module). Posts read their own multipart form (limits and antiforgery included, through the Documents
/// module's <c>UploadRequestReader</c>) so every refusal is a message on the page.
/// </summary>
public static class MessagesPortalEndpoints
{
    public static void MapMessagesPortal(this IEndpointRouteBuilder endpoints)
    {
        var tenantOnly = new SiteScopeAttribute(Site.Tenant);
        string[] read = [HttpMethods.Get, HttpMethods.Head];
        endpoints.MapMethods(MessagePaths.PortalNew, read, (string? about, MessagesPortalPages pages, CancellationToken cancellationToken) => pages.NewAsync(about, cancellationToken))
            .WithMetadata(tenantOnly).AllowAnonymous();
        endpoints.MapPost(MessagePaths.PortalNew, (MessagesPortalPages pages, CancellationToken cancellationToken) => pages.CreateAsync(cancellationToken))
            .WithMetadata(tenantOnly).AllowAnonymous().DisableAntiforgery();
        endpoints.MapMethods(MessagePaths.Portal + "/{id:long}", read, (long id, string? sent, MessagesPortalPages pages, CancellationToken cancellationToken) =>
                pages.ThreadAsync(id, sent == "1", cancellationToken))
            .WithMetadata(tenantOnly).AllowAnonymous();
        endpoints.MapPost(MessagePaths.Portal + "/{id:long}", (long id, MessagesPortalPages pages, CancellationToken cancellationToken) => pages.ReplyAsync(id, cancellationToken))
            .WithMetadata(tenantOnly).AllowAnonymous().DisableAntiforgery();
        endpoints.MapMethods(MessagePaths.Portal + "/{id:long}/attachments/{attachmentId:long}", read,
                (long id, long attachmentId, MessagesPortalPages pages, CancellationToken cancellationToken) => pages.AttachmentAsync(id, attachmentId, cancellationToken))
            .WithMetadata(tenantOnly).AllowAnonymous();
    }
}
