using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Matching;
using OrchardPortal.Core.Tenancy;

namespace OrchardPortal.Core.Hosting;

/// <summary>
/// Lets the host site and tenant sites both own the same paths (e.g. "/"): an endpoint marked with
/// <see cref="SiteScopeAttribute"/> is only a candidate on its own kind of site.
/// </summary>
internal sealed class SiteScopeMatcherPolicy : MatcherPolicy, IEndpointSelectorPolicy
{
    public override int Order => 0;

    public bool AppliesToEndpoints(IReadOnlyList<Endpoint> endpoints) =>
        endpoints.Any(e => e.Metadata.GetMetadata<SiteScopeAttribute>() is not null);

    public Task ApplyAsync(HttpContext httpContext, CandidateSet candidates)
    {
        var isHost = httpContext.RequestServices.GetService(typeof(TenantScope)) is TenantScope { IsHost: true };
        var current = isHost ? Site.Host : Site.Tenant;
        for (var i = 0; i < candidates.Count; i++)
        {
            if (candidates[i].Endpoint.Metadata.GetMetadata<SiteScopeAttribute>() is { } scope && scope.Site != current)
            {
                candidates.SetValidity(i, false);
            }
        }

        return Task.CompletedTask;
    }
}
