using Microsoft.AspNetCore.Http;
using OrchardPortal.Documents.Models;
using OrchardPortal.Documents.Uploads;

namespace OrchardPortal.Documents.Downloads;

/// <summary>
/// The headers every document download carries, for staff and customers alike. Documents are always
/// downloaded (<c>Content-Disposition: attachment</c>), never shown inside our site: the type is the one
/// we decided at upload, the browser may not second-guess it (<c>nosniff</c>), and even if something
/// did open it in a tab, the sandbox policy stops it running script or loading anything.
/// </summary>
public static class DocumentResponse
{
    public const string ContentSecurityPolicy = "sandbox; default-src 'none'";

    public static void ApplyHeaders(HttpResponse response, Document document)
    {
        var headers = response.Headers;
        headers.ContentDisposition = DocumentFileNames.ContentDisposition(document.FileName);
        headers.XContentTypeOptions = "nosniff";
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        // Private files: no shared cache may keep a copy, and the browser should ask again next time.
        headers.CacheControl = "private, no-store";
    }
}
