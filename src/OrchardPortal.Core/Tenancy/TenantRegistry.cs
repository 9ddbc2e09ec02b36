using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OrchardPortal.Core.Data;

namespace OrchardPortal.Core.Tenancy;

/// <summary>
/// Finds tenants by name or host name, caching what it read. Nothing is loaded at start-up, so
/// start time does not grow with the number of tenants. Every change goes through
/// <see cref="Invalidate"/> so other requests see it at once.
/// </summary>
public sealed class TenantRegistry(IServiceScopeFactory scopeFactory, IOptions<TenancyOptions> options, TimeProvider clock)
{
    private const int MaxEntries = 100_000;

    private readonly ConcurrentDictionary<string, CacheEntry> _byHost = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The tenant a request's host name addresses, or null for an unknown host.</summary>
    public async Task<TenantRecord?> FindByHostAsync(string host, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (_byHost.TryGetValue(host, out var cached) && (cached.Tenant is not null || cached.Expires > now))
        {
            return cached.Tenant;
        }

        var tenant = await LoadAsync(host, cancellationToken);
        if (tenant is null && _byHost.Count >= MaxEntries)
        {
            // Requests for random host names must not grow the cache without bound; known tenants stay.
            PurgeUnknownHosts();
        }

        _byHost[host] = new CacheEntry(tenant, now + options.Value.NegativeCacheDuration);
        return tenant;
    }

    /// <summary>Drops everything cached about a tenant; call after any change to its row.</summary>
    public void Invalidate(string tenantName)
    {
        foreach (var pair in _byHost)
        {
            if (pair.Value.Tenant?.Name == tenantName || pair.Key.StartsWith(tenantName + ".", StringComparison.OrdinalIgnoreCase))
            {
                _byHost.TryRemove(pair.Key, out _);
            }
        }
    }

    /// <summary>The subdomain part of a host name under the root domain, or null.</summary>
    public string? SubdomainOf(string host)
    {
        var suffix = "." + options.Value.RootDomain;
        return host.EndsWith(suffix, StringComparison.OrdinalIgnoreCase) && host.Length > suffix.Length
            ? host[..^suffix.Length].ToLowerInvariant()
            : null;
    }

    public bool IsHostSite(string host) =>
        string.Equals(host, options.Value.RootDomain, StringComparison.OrdinalIgnoreCase)
        || options.Value.HostAliases.Contains(host, StringComparer.OrdinalIgnoreCase);

    private void PurgeUnknownHosts()
    {
        foreach (var pair in _byHost)
        {
            if (pair.Value.Tenant is null)
            {
                _byHost.TryRemove(pair.Key, out _);
            }
        }
    }

    private async Task<TenantRecord?> LoadAsync(string host, CancellationToken cancellationToken)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HostDbContext>();
        var tenants = db.Set<TenantRecord>().AsNoTracking();
        var sub = SubdomainOf(host);
        if (sub is not null)
        {
            // Sub-subdomains (a.b.root) are not tenants.
            return sub.Contains('.', StringComparison.Ordinal) ? null : await tenants.FirstOrDefaultAsync(t => t.Name == sub, cancellationToken);
        }

        // Custom domains: HostNames is a space-separated list, matched whole-word.
        var padded = " " + host.ToLowerInvariant() + " ";
        return await tenants.FirstOrDefaultAsync(t => (" " + t.HostNames + " ").Contains(padded), cancellationToken);
    }

    private sealed record CacheEntry(TenantRecord? Tenant, DateTimeOffset Expires);
}
