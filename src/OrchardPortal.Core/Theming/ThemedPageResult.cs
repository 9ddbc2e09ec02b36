using Microsoft.AspNetCore.Http;

namespace OrchardPortal.Core.Theming;

/// <summary>
/// A rendered theme page. Templates are edited by tenant staff, so the page carries a Content Security
/// Policy: no inline or third-party scripts, and frames only from the video hosts the home-page
/// editor allows. Themes must keep their scripts in files under <c>wwwroot</c>.
/// </summary>
public sealed class ThemedPageResult(string html, int statusCode, bool preview) : IResult
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: https:; media-src 'self' https:; "
        + "frame-src https://www.youtube.com https://www.youtube-nocookie.com https://player.vimeo.com; object-src 'none'; base-uri 'self'; "
        + "form-action 'self'; frame-ancestors 'self'";

    public string Html { get; } = html;

    public int StatusCode { get; } = statusCode;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = StatusCode;
        response.ContentType = "text/html; charset=utf-8";
        var headers = response.Headers;
        // Pages may show a signed-in customer's data (and previews show drafts): never stored by shared caches.
        headers.CacheControl = preview ? "no-store" : "private, no-cache";
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
        if (preview)
        {
            headers["X-Robots-Tag"] = "noindex";
        }

        await response.WriteAsync(Html, httpContext.RequestAborted);
    }
}
