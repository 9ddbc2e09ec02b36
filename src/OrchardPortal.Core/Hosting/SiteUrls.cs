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

    private static string Build(HttpRequest request, string host, string path)
    {
        var port = request.Host.Port is { } p && !IsDefaultPort(request.Scheme, p) ? ":" + p : "";
        return $"{request.Scheme}://{host}{port}{path}";
    }

    private static bool IsDefaultPort(string scheme, int port) =>
        (scheme == "http" && port == 80) || (scheme == "https" && port == 443);
}
