using Microsoft.AspNetCore.Http;
using OrchardPortal.Core.Tenancy;

namespace OrchardPortal.Core.Hosting;

/// <summary>
/// Absolute links to the current tenant's site, for emails and feeds: the one place that decides the origin,
/// so a link made while a person browses and one made by a background job (no request) point to the same site.
/// See <see cref="SiteUrls.TenantOrigin"/> for the rule.
/// </summary>
public sealed class TenantLinks(IHttpContextAccessor http, TenantScope tenant, SiteUrls urls)
{
    /// <summary><c>https://acme.example.com</c> (no trailing slash).</summary>
    public string Origin => urls.TenantOrigin(tenant.Required.Name, http.HttpContext?.Request);

    /// <summary>The origin plus an absolute path such as <c>/pay/receipt/att_1</c>.</summary>
    public string Absolute(string path) => Origin + path;
}
