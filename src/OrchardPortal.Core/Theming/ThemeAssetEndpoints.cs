using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Net.Http.Headers;
using OrchardPortal.Core.Hosting;

namespace OrchardPortal.Core.Theming;

/// <summary>Serves a theme's <c>wwwroot</c> at <c>/themes/{theme}/...</c> on tenant sites, with long caching for versioned URLs.</summary>
public static class ThemeAssetEndpoints
{
    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    public static IEndpointConventionBuilder MapThemeAssets(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapMethods("/themes/{theme}/{**path}", [HttpMethods.Get, HttpMethods.Head], Serve)
            .WithMetadata(new SiteScopeAttribute(Site.Tenant))
            .AllowAnonymous()
            .DisableAntiforgery();

    private static IResult Serve(string theme, string path, HttpContext context, ThemeCatalog catalog)
    {
        var descriptor = catalog.Find(theme);
        var file = descriptor?.FindAsset(path);
        if (descriptor is null || file is null || !ContentTypes.TryGetContentType(file, out var contentType))
        {
            return Results.NotFound();
        }

        var version = descriptor.AssetVersion(path);
        // asset_url adds ?v={content hash}: such a URL never changes meaning, so browsers may keep it for a year.
        context.Response.Headers.CacheControl = context.Request.Query["v"] == version
            ? "public, max-age=31536000, immutable"
            : "public, max-age=300";
        context.Response.Headers.XContentTypeOptions = "nosniff";
        var info = new FileInfo(file);
        return Results.File(file, contentType, lastModified: info.LastWriteTimeUtc, entityTag: new EntityTagHeaderValue($"\"{version}\""), enableRangeProcessing: false);
    }
}
