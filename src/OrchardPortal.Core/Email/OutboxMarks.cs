using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OrchardPortal.Core.Data;

namespace OrchardPortal.Core.Email;

/// <summary>A tenant that may have undelivered outbox mail: a row in the host database.</summary>
public sealed class OutboxMark
{
    public required string TenantName { get; set; }

    public DateTimeOffset MarkedUtc { get; set; }
}

/// <summary>
/// Remembers, in the host database, which tenants may have undelivered mail, so a restarted process
/// (or another node) finds it at start-up without opening every tenant's database and without waiting
/// for someone to visit the tenant. A tenant is marked before its first mail commits and unmarked when
/// the dispatcher has drained its outbox; the in-memory set spares the host database a write per email.
/// </summary>
/// <remarks>
/// The mark is a hint, never the mail itself: if the host database cannot be written, the mail still
/// commits and is still delivered by this process; only a crash before delivery would then leave it
/// waiting for the tenant's next activation, as it did before marks existed.
/// </remarks>
public sealed class OutboxMarks(IServiceScopeFactory scopes, TimeProvider clock, ILogger<OutboxMarks> logger)
{
    private readonly ConcurrentDictionary<string, bool> _marked = new(StringComparer.Ordinal);

    /// <summary>Marks <paramref name="tenantName"/> unless this process already did.</summary>
    public async Task EnsureAsync(string tenantName, CancellationToken cancellationToken)
    {
        if (_marked.ContainsKey(tenantName))
        {
            return;
        }

        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<HostDbContext>();
            if (!await db.Set<OutboxMark>().AnyAsync(m => m.TenantName == tenantName, cancellationToken))
            {
                db.Add(new OutboxMark { TenantName = tenantName, MarkedUtc = clock.GetUtcNow() });
                await db.SaveChangesAsync(cancellationToken);
            }

            _marked[tenantName] = true;
        }
        catch (DbUpdateException exception) when (DatabaseErrors.IsUniqueViolation(exception))
        {
            _marked[tenantName] = true; // Another request or node marked it first.
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogWarning(exception, "Could not mark tenant {Tenant} as having outbox mail; it is still delivered, but after a crash only once the tenant is next activated", tenantName);
        }
    }

    /// <summary>Removes the mark once the tenant's outbox is empty (or the tenant is gone).</summary>
    public async Task ClearAsync(string tenantName, CancellationToken cancellationToken)
    {
        _marked.TryRemove(tenantName, out _);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HostDbContext>();
        await db.Set<OutboxMark>().Where(m => m.TenantName == tenantName).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>Every marked tenant: what a starting dispatcher looks at first.</summary>
    public async Task<IReadOnlyList<string>> ListAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HostDbContext>();
        return await db.Set<OutboxMark>().AsNoTracking().Select(m => m.TenantName).ToListAsync(cancellationToken);
    }
}
