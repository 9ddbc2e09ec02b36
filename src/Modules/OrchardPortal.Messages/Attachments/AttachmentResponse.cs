using Microsoft.AspNetCore.Http;
using OrchardPortal.Documents.Downloads;
using OrchardPortal.Documents.Uploads;
using OrchardPortal.Messages.Models;

namespace OrchardPortal.Messages.Attachments;

/// <summary>
/// The same download headers as the Documents module's (docs/documents.md): always an attachment, the
/// type we decided at upload, no sniffing, a sandbox policy and no shared caching.
/// </summary>
public static class AttachmentResponse
{
    public static void ApplyHeaders(HttpResponse response, MessageAttachment attachment)
    {
        var headers = response.Headers;
        headers.ContentDisposition = DocumentFileNames.ContentDisposition(attachment.FileName);
        headers.XContentTypeOptions = "nosniff";
        headers.ContentSecurityPolicy = DocumentResponse.ContentSecurityPolicy;
        headers.CacheControl = "private, no-store";
    }
}
