using Microsoft.AspNetCore.Http;
using OrchardPortal.Documents.Downloads;
using OrchardPortal.Documents.Storage;
using OrchardPortal.Documents.Uploads;
using OrchardPortal.ServiceRequests.Models;

namespace OrchardPortal.ServiceRequests.Photos;

/// <summary>
/// Serves a request's photo the way Documents serves files: the type decided at upload, an attachment
/// (an <c>&lt;img&gt;</c> still shows it; opening the URL downloads it), <c>nosniff</c>, a sandbox policy and no caching.
/// </summary>
public static class PhotoResponse
{
    public static async Task<IResult?> SendAsync(HttpResponse response, IDocumentStore store, ServiceRequestPhoto photo, CancellationToken cancellationToken)
    {
        if (await store.OpenReadAsync(photo.StorageId, cancellationToken) is not { } stream)
        {
            return null;
        }

        var headers = response.Headers;
        headers.ContentDisposition = DocumentFileNames.ContentDisposition(photo.FileName);
        headers.XContentTypeOptions = "nosniff";
        headers.ContentSecurityPolicy = DocumentResponse.ContentSecurityPolicy;
        headers.CacheControl = "private, no-store";
        return Results.Stream(stream, photo.ContentType);
    }
}
