using System.Collections.Concurrent;
using OrchardPortal.Core.Tenancy;

namespace OrchardPortal.Content.Services;

/// <summary>
/// The live HTML of each tenant's pages, kept in memory because the home page is the portal's
/// busiest page. Entries are keyed by the tenant's name and creation time, so a tenant deleted and
/// created again under the same name never sees the old one's text. A load that raced with a
/// publish is not stored (generation check). Single-process, like the platform's other caches.
/// </summary>
public sealed class PublishedContentCache
{
    private readonly ConcurrentDictionary<(string Tenant, long Created, string Page), string> _entries = new();
    private readonly ConcurrentDictionary<(string Tenant, long Created, string Page), long> _generations = new();

    public bool TryGet(TenantRecord tenant, string page, out string html) =>
        _entries.TryGetValue(Key(tenant, page), out html!);

    /// <summary>The generation to pass to <see cref="Store"/> for a value about to be loaded.</summary>
    public long Generation(TenantRecord tenant, string page) => _generations.GetValueOrDefault(Key(tenant, page));

    public void Store(TenantRecord tenant, string page, string html, long loadedAtGeneration)
    {
        var key = Key(tenant, page);
        if (Generation(tenant, page) != loadedAtGeneration)
        {
            return;
        }

        _entries[key] = html;
        if (Generation(tenant, page) != loadedAtGeneration)
        {
            _entries.TryRemove(key, out _);
        }
    }

    public void Invalidate(TenantRecord tenant, string page)
    {
        var key = Key(tenant, page);
        _generations.AddOrUpdate(key, 1, (_, generation) => generation + 1);
        _entries.TryRemove(key, out _);
    }

    private static (string, long, string) Key(TenantRecord tenant, string page) => (tenant.Name, tenant.CreatedUtc.UtcTicks, page);
}
