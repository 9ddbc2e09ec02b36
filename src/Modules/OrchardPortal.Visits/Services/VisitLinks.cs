using Microsoft.AspNetCore.Http;
using OrchardPortal.Core.Hosting;
using OrchardPortal.Core.Tenancy;

namespace OrchardPortal.Visits.Services;

/// <summary>Absolute addresses on this tenant's site, for emails and the calendar feed URL.</summary>
public sealed class VisitLinks(IHttpContextAccessor http, TenantLinks links, TenantScope tenant)
{
    public string Absolute(string path) => links.Absolute(path);

    /// <summary>The host name the visit UIDs carry, so they are unique across companies.</summary>
    public string UidDomain => http.HttpContext?.Request.Host.Host is { Length: > 0 } host ? host : tenant.Required.Name;
}
