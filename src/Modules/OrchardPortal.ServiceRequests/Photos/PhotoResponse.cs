using Microsoft.AspNetCore.Http;
using OrchardPortal.Documents.Downloads;
using OrchardPortal.Documents.Uploads;
using OrchardPortal.ServiceRequests.Models;

namespace OrchardPortal.ServiceRequests.Photos;

/// <summary>
/// The headers a request's photo is served with, for staff and customers alike, the way Documents serves
/// files: the type decided at upload, an attachment (an <c>&lt;img&gt;</c> still shows it; opening the URL
/// downloads it), <c>nosniff</c>, a sandbox policy and no caching.
/// </summary>
public static class PhotoResponse
{
    public static void ApplyHeaders(HttpResponse response, ServiceRequestPhoto photo)
    {
        var headers = response.Headers;
        headers.ContentDisposition = DocumentFileNames.ContentDisposition(photo.FileName);
        headers.XContentTypeOptions = "nosniff";
        headers.ContentSecurityPolicy = DocumentResponse.ContentSecurityPolicy;
        headers.CacheControl = "private, no-store";
    }
}
