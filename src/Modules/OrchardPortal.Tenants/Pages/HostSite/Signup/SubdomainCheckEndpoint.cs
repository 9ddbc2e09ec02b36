using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using OrchardPortal.Core.Data;
using OrchardPortal.Core.Hosting;
using OrchardPortal.Core.Provisioning;
using OrchardPortal.Core.Tenancy;

namespace OrchardPortal.Tenants.Pages.HostSite.Signup;

/// <summary>The signup form's as-you-type check: <c>GET /signup/check?subdomain=acme</c> → <c>{ available, message, subdomain, suggestion }</c>.</summary>
public sealed record SubdomainCheckResponse(bool Available, string Message, string Subdomain, string? Suggestion);

internal static class SubdomainCheckEndpoint
{
    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/signup/check", CheckAsync)
            .WithMetadata(new SiteScopeAttribute(Site.Host))
            .AllowAnonymous();

    private static async Task<IResult> CheckAsync(string? subdomain, ProvisioningValidator validator, HostDbContext db, HttpContext context, CancellationToken cancellationToken)
    {
        var name = TenantNameRules.Normalize(subdomain);
        var problem = await validator.CheckSubdomainAsync(name, cancellationToken);
        var suggestion = problem == ProvisioningValidator.TakenMessage(name) ? await SuggestAsync(db, name, cancellationToken) : null;
        var message = problem ?? $"“{name}” is available.";
        if (suggestion is not null)
        {
            message += $" “{suggestion}” is free.";
        }

        // Availability changes from one moment to the next; never let a cache answer.
        context.Response.Headers.CacheControl = "no-store";
        return Results.Json(new SubdomainCheckResponse(problem is null, message, name, suggestion));
    }

    /// <summary>The first free "name-2" … "name-9", or null.</summary>
    private static async Task<string?> SuggestAsync(HostDbContext db, string name, CancellationToken cancellationToken)
    {
        var candidates = Enumerable.Range(2, 8).Select(i => $"{name}-{i}").Where(c => TenantNameRules.Validate(c) is null).ToList();
        var taken = await db.Set<TenantRecord>().AsNoTracking().Where(t => candidates.Contains(t.Name)).Select(t => t.Name).ToListAsync(cancellationToken);
        return candidates.FirstOrDefault(c => !taken.Contains(c));
    }
}
