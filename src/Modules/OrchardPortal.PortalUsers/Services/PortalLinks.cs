using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using OrchardPortal.Core.Tenancy;

namespace OrchardPortal.PortalUsers.Services;

/// <summary>Absolute links to this tenant's account pages, for emails.</summary>
public sealed class PortalLinks(IHttpContextAccessor http, TenantScope scope, IOptions<TenancyOptions> tenancy)
{
    public string Absolute(string path) => Origin() + path;

    /// <summary>The request's origin when staff or a customer acted in a browser, else the tenant's subdomain (background work).</summary>
    private string Origin()
    {
        var request = http.HttpContext?.Request;
        return request is not null && request.Host.HasValue
            ? $"{request.Scheme}://{request.Host}"
            : $"https://{scope.Required.Name}.{tenancy.Value.RootDomain}";
    }
}
