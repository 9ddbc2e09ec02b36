using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OrchardPortal.Core.Data;
using OrchardPortal.Core.Tenancy;

namespace OrchardPortal.Core.Settings;

/// <summary>
/// Reads and writes a tenant's settings documents. Reads are cached per tenant and document and
/// dropped on every save, so a change is visible on the next request.
/// </summary>
public sealed class SiteSettingsService(TenantDbContext db, TenantScope scope, SiteSettingsCache cache, TimeProvider clock)
{
    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    /// <summary>The document <paramref name="name"/> as <typeparamref name="T"/>, or a new T when it was never saved.</summary>
    public async Task<T> GetAsync<T>(string name, CancellationToken cancellationToken)
        where T : class, new()
    {
        var json = await GetJsonAsync(name, cancellationToken);
        return json is null ? new T() : JsonSerializer.Deserialize<T>(json, JsonOptions) ?? new T();
    }

    public async Task<string?> GetJsonAsync(string name, CancellationToken cancellationToken)
    {
        var key = (scope.Required.Name, name);
        if (cache.Entries.TryGetValue(key, out var cached))
        {
            return cached;
        }

        var json = await db.Set<SiteSettingsDocument>().AsNoTracking().Where(d => d.Name == name).Select(d => d.Json).FirstOrDefaultAsync(cancellationToken);
        cache.Entries[key] = json;
        return json;
    }

    public Task SaveAsync<T>(string name, T value, CancellationToken cancellationToken) =>
        SaveJsonAsync(name, JsonSerializer.Serialize(value, JsonOptions), cancellationToken);

    public async Task SaveJsonAsync(string name, string json, CancellationToken cancellationToken)
    {
        var document = await db.Set<SiteSettingsDocument>().FirstOrDefaultAsync(d => d.Name == name, cancellationToken);
        if (document is null)
        {
            document = new SiteSettingsDocument { Name = name, Json = json };
            db.Add(document);
        }

        document.Json = json;
        document.UpdatedUtc = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        cache.Entries.TryRemove((scope.Required.Name, name), out _);
    }
}

/// <summary>Process-wide cache of settings documents, keyed by tenant and document name.</summary>
public sealed class SiteSettingsCache
{
    internal ConcurrentDictionary<(string Tenant, string Name), string?> Entries { get; } = new();

    /// <summary>Drops every cached document of a tenant (after delete, or a change made elsewhere).</summary>
    public void Invalidate(string tenantName)
    {
        foreach (var key in Entries.Keys)
        {
            if (key.Tenant == tenantName)
            {
                Entries.TryRemove(key, out _);
            }
        }
    }
}
