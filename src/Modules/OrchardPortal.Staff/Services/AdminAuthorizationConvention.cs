using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using OrchardPortal.Core.Hosting;

namespace OrchardPortal.Staff.Services;

/// <summary>
/// Every page whose URL is under <c>/admin</c> requires a signed-in staff member, whichever module
/// it comes from and whatever folder it sits in; pages opt out with <c>[AllowAnonymous]</c> (sign-in,
/// invitation). Host-site pages are left alone: the host has its own operator sign-in.
/// </summary>
internal sealed class AdminAuthorizationConvention : IPageApplicationModelConvention
{
    public void Apply(PageApplicationModel model)
    {
        var template = model.ActionDescriptor.AttributeRouteInfo?.Template ?? "";
        var underAdmin = template.Equals("admin", StringComparison.OrdinalIgnoreCase)
            || template.StartsWith("admin/", StringComparison.OrdinalIgnoreCase);
        var hostOnly = model.HandlerTypeAttributes.OfType<SiteScopeAttribute>().Any(s => s.Site == Site.Host);
        if (underAdmin && !hostOnly)
        {
            model.EndpointMetadata.Add(new AuthorizeAttribute(StaffAuth.StaffPolicy));
        }
    }
}
