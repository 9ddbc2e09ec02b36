using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OrchardPortal.Core.Hosting;

namespace OrchardPortal.Tenants.Operators;

/// <summary><c>/operator</c>: the operator area starts at the tenant list (which asks for sign-in when needed).</summary>
internal static class OperatorHomeEndpoint
{
    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/operator", () => Results.Redirect("/operator/tenants"))
            .WithMetadata(new SiteScopeAttribute(Site.Host));
}
