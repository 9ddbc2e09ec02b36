using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OrchardPortal.Core.Theming;
using OrchardPortal.Core.Tenancy;

namespace OrchardPortal.Core.Hosting;

/// <summary>
/// The few pages the platform answers before any module runs: unknown portal, disabled portal,
/// portal being set up. Self-contained HTML so they work even when nothing else does.
/// </summary>
public static class SitePages
{
    public static string UnknownPortal(HttpContext context, TenantRegistry registry)
    {
        var urls = context.RequestServices.GetRequiredService<SiteUrls>();
        var signup = urls.HostSite(context.Request, "/signup");
        var sub = registry.SubdomainOf(context.Request.Host.Host);
        var lead = sub is null
            ? "There is no customer portal at this address."
            : $"There is no customer portal at <strong>{Encode(context.Request.Host.Host)}</strong> yet.";
        return Page(
            "Portal not found",
            $"<h1>We couldn’t find that portal</h1><p>{lead}</p><p>Check the link you were sent, or ask the company that invited you for their portal address.</p>"
            + $"<p>Run a service business? <a href=\"{Encode(signup)}\">Create your own customer portal</a> in a minute.</p>");
    }

    public static string Disabled(TenantRecord tenant) => Page(
        "Portal unavailable",
        $"<h1>{Encode(tenant.CompanyName)}’s portal is unavailable</h1><p>This customer portal is switched off for now. Please contact {Encode(tenant.CompanyName)} directly, or try again later.</p>");

    public static string Provisioning(TenantRecord tenant) => Page(
        "Portal being set up",
        $"<h1>{Encode(tenant.CompanyName)}’s portal is being set up</h1><p>This takes a few seconds. This page will be ready shortly — please refresh.</p>");

    /// <summary>
    /// The page behind status-code re-execution and the exception handler: never a stack trace. On a
    /// tenant's customer pages it is the tenant's themed page (its colours, its navigation); staff
    /// admin pages, the host site, and any failure to render the theme get the self-contained page.
    /// </summary>
    public static async Task ErrorAsync(HttpContext context, int? code)
    {
        var status = code is >= 400 and < 600 ? code.Value : StatusCodes.Status500InternalServerError;
        if (await TryThemedErrorAsync(context, status))
        {
            return;
        }

        var (title, text) = status switch
        {
            404 => ("Page not found", "We couldn’t find that page. Check the address, or go back to the home page."),
            403 => ("Not allowed", "You don’t have access to that page."),
            400 => ("Bad request", "Something in that request wasn’t right. Please go back and try again."),
            503 => ("Unavailable", "This page is unavailable right now. Please try again shortly."),
            _ => ("Something went wrong", "Sorry — something went wrong on our side. Nothing you saved was lost; please try again."),
        };
        await WriteAsync(context, status, Page(title, $"<h1>{Encode(title)}</h1><p>{Encode(text)}</p><p><a href=\"/\">Go to the home page</a></p>"));
    }

    public static async Task WriteAsync(HttpContext context, int statusCode, string html)
    {
        context.Response.StatusCode = statusCode;
        context.Response.ContentType = "text/html; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        await context.Response.WriteAsync(html, context.RequestAborted);
    }

    private static async Task<bool> TryThemedErrorAsync(HttpContext context, int status)
    {
        var originalPath = context.Features.Get<IExceptionHandlerPathFeature>()?.Path
            ?? context.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath
            ?? context.Request.Path.Value ?? "/";
        if (context.RequestServices.GetRequiredService<TenantScope>().Tenant is null
            || originalPath.StartsWith("/admin", StringComparison.OrdinalIgnoreCase)
            || status is not (403 or 404 or >= 500))
        {
            return false;
        }

        var (view, title) = status switch
        {
            404 => ("NotFound", "Page not found"),
            403 => ("AccessDenied", "Not allowed"),
            _ => ("Error", "Something went wrong"),
        };
        try
        {
            var renderer = context.RequestServices.GetRequiredService<IThemeRenderer>();
            var result = await renderer.RenderPageAsync(view, new Dictionary<string, object?>(), new ThemePageOptions { Title = title, StatusCode = status }, context.RequestAborted);
            context.Response.Headers.CacheControl = "no-store";
            await result.ExecuteAsync(context);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException && !context.Response.HasStarted)
        {
            // Whatever broke the page may break the theme too (its database, a provider): the plain page still answers.
            context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SitePages)).LogWarning(ex, "The themed error page could not be rendered; answering with the plain one");
            return false;
        }
    }

    private static string Encode(string value) => HtmlEncoder.Default.Encode(value);

    private static string Page(string title, string body) => $$"""
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{Encode(title)}}</title>
        <style>
        body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1f2937;background:#f3f6f4;display:flex;min-height:100vh;align-items:center;justify-content:center}
        main{max-width:34rem;margin:1rem;padding:2.5rem;background:#fff;border-radius:12px;box-shadow:0 4px 24px rgba(0,0,0,.08)}
        h1{font-size:1.5rem;margin:0 0 1rem;color:#14532d} a{color:#166534;font-weight:600}
        </style></head>
        <body><main>{{body}}</main></body></html>
        """;
}
