using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using OrchardPortal.Core.Tenancy;

namespace OrchardPortal.Core.Hosting;

/// <summary>Builds absolute URLs for the host site and tenants, keeping the scheme and port of the current request.</summary>
public sealed class SiteUrls(IOptions<TenancyOptions> options)
{
    public string HostSite(HttpRequest request, string path = "/") => Build(request, options.Value.RootDomain, path);

    public string Tenant(HttpRequest request, string tenantName, string path = "/") =>
        Build(request, tenantName + "." + options.Value.RootDomain, path);

    /// <summary>
    /// The tenant's origin (<c>https://acme.example.com</c>, no trailing slash). With a request it keeps the
    /// request's scheme and port, so a link in an email sent while someone browses works where they browse.
    /// Without one (background work: autopay, the outbox, reconciliation) nothing tells us how the site is
    /// reached, so it is <c>Tenancy:PublicScheme</c> (https) and <c>Tenancy:PublicPort</c> (none) configured
    /// for the deployment; <c>appsettings.Development.json</c> sets http and 5000 for <c>dotnet run</c>.
    /// </summary>
    public string TenantOrigin(string tenantName, HttpRequest? request)
    {
        var host = tenantName + "." + options.Value.RootDomain;
        if (request is not null && request.Host.HasValue)
        {
            return Build(request, host, "");
        }

        var scheme = string.IsNullOrWhiteSpace(options.Value.PublicScheme) ? "https" : options.Value.PublicScheme.Trim();
        var port = options.Value.PublicPort is { } p && !IsDefaultPort(scheme, p) ? ":" + p : "";
        return $"{scheme}://{host}{port}";
    }

    private static string Build(HttpRequest request, string host, string path)
    {
        var port = request.Host.Port is { } p && !IsDefaultPort(request.Scheme, p) ? ":" + p : "";
        return $"{request.Scheme}://{host}{port}{path}";
    }

    private static bool IsDefaultPort(string scheme, int port) =>
        (scheme == "http" && port == 80) || (scheme == "https" && port == 443);
}
