using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Net.Http.Headers;
using OrchardPortal.Core.Hosting;

namespace OrchardPortal.Core.Media;

/// <summary>
/// Serves the current tenant's media at <c>/media/{folder}/{id}.{ext}</c>. A file id is random and
/// its bytes never change, so responses are cacheable for a year and the id is the ETag. Anything
/// that isn't a file of this tenant — another tenant's path, traversal, a made-up name — is a 404.
/// </summary>
public static class MediaEndpoints
{
    /// <summary>SVGs opened on their own can't run script, load anything, or be framed (the sanitiser is the first fence).</summary>
    public const string SvgContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox; frame-ancestors 'none'";

    public static IEndpointConventionBuilder MapPortalMedia(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapMethods(MediaPaths.UrlPrefix + "{**path}", [HttpMethods.Get, HttpMethods.Head], ServeAsync)
            .WithMetadata(new SiteScopeAttribute(Site.Tenant))
            .AllowAnonymous()
            .DisableAntiforgery();

    private static async Task<IResult> ServeAsync(string? path, HttpContext context, IMediaStore store)
    {
        if (path is null || await store.GetAsync(path, context.RequestAborted) is not { } file || store.OpenRead(path) is not { } stream)
        {
            return Results.NotFound();
        }

        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.CacheControl = "public, max-age=31536000, immutable";
        if (file.ContentType == ImageFormats.ContentType(ImageFormat.Svg))
        {
            headers.ContentSecurityPolicy = SvgContentSecurityPolicy;
        }

        return Results.Stream(
            stream,
            file.ContentType,
            lastModified: file.LastModifiedUtc,
            entityTag: new EntityTagHeaderValue($"\"{file.Id}\""),
            enableRangeProcessing: true);
    }
}

/// <summary>Registers per-tenant media (store and serving endpoint).</summary>
public static class MediaServiceCollectionExtensions
{
    public static IServiceCollection AddPortalMedia(this IServiceCollection services) =>
        services.AddScoped<IMediaStore, FileSystemMediaStore>();
}
