using Microsoft.AspNetCore.Http;
using OrchardPortal.Core.Hosting;
using OrchardPortal.Core.Tenancy;

namespace OrchardPortal.Tenants.Api;

/// <summary>A tenant as the operator API shows it.</summary>
public sealed record TenantDto(
    string Name,
    string CompanyName,
    string Url,
    string State,
    string HostNames,
    string Recipe,
    string OwnerEmail,
    DateTimeOffset CreatedUtc,
    DateTimeOffset UpdatedUtc)
{
    public static TenantDto From(TenantRecord tenant, SiteUrls urls, HttpRequest request) => new(
        tenant.Name,
        tenant.CompanyName,
        urls.Tenant(request, tenant.Name),
        tenant.State.ToString(),
        tenant.HostNames,
        tenant.RecipeName,
        tenant.OwnerEmail,
        tenant.CreatedUtc,
        tenant.UpdatedUtc);
}

/// <summary>One page of <c>GET /api/tenants</c>.</summary>
public sealed record TenantListDto(IReadOnlyList<TenantDto> Items, int Page, int PageSize, int PageCount, int Total);

/// <summary>The body of <c>POST /api/tenants</c>.</summary>
public sealed record CreateTenantRequest(
    string? CompanyName,
    string? Subdomain,
    string? OwnerName,
    string? OwnerEmail,
    string? OwnerPassword,
    string? Recipe);
