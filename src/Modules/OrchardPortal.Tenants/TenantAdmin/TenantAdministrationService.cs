using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using OrchardPortal.Core.Data;
using OrchardPortal.Core.Settings;
using OrchardPortal.Core.Tenancy;

namespace OrchardPortal.Tenants.TenantAdmin;

/// <summary>What happened to an operator's state change.</summary>
public enum TenantChangeOutcome
{
    Done,
    NotFound,

    /// <summary>The tenant is not in a state that allows the change (e.g. delete while running).</summary>
    Conflict,
}

/// <summary>
/// The operator's state changes: disable, enable, delete. Each one updates <c>UpdatedUtc</c> and drops
/// every cache entry of the tenant, so the next request anywhere in this process sees the new state.
/// </summary>
public sealed class TenantAdministrationService(
    HostDbContext db,
    ITenantStorage storage,
    TenantRegistry registry,
    TenantActivator activator,
    SiteSettingsCache settingsCache,
    TimeProvider clock,
    ILogger<TenantAdministrationService> logger)
{
    // Serialises changes to one tenant in this process, so a delete can't interleave with an enable.
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new(StringComparer.Ordinal);

    public Task<TenantRecord?> FindAsync(string name, CancellationToken cancellationToken) =>
        db.Set<TenantRecord>().AsNoTracking().FirstOrDefaultAsync(t => t.Name == name, cancellationToken);

    public Task<TenantChangeOutcome> DisableAsync(string name, CancellationToken cancellationToken) =>
        ChangeStateAsync(name, TenantState.Running, TenantState.Disabled, cancellationToken);

    public Task<TenantChangeOutcome> EnableAsync(string name, CancellationToken cancellationToken) =>
        ChangeStateAsync(name, TenantState.Disabled, TenantState.Running, cancellationToken);

    /// <summary>Deletes a disabled tenant: its storage first, then its registry row (which keeps the name claimed until the storage is gone).</summary>
    public async Task<TenantChangeOutcome> DeleteAsync(string name, CancellationToken cancellationToken)
    {
        var gate = Gates.GetOrAdd(name, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            var tenant = await FindAsync(name, cancellationToken);
            if (tenant is null)
            {
                return TenantChangeOutcome.NotFound;
            }

            if (tenant.State != TenantState.Disabled)
            {
                return TenantChangeOutcome.Conflict;
            }

            activator.Deactivate(name);
            await storage.DeleteAsync(tenant, cancellationToken);
            await db.Set<TenantRecord>().Where(t => t.Name == name && t.State == TenantState.Disabled).ExecuteDeleteAsync(CancellationToken.None);
            Forget(name);
            logger.LogInformation("Deleted tenant {Tenant} and its storage", name);
            return TenantChangeOutcome.Done;
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<TenantChangeOutcome> ChangeStateAsync(string name, TenantState from, TenantState to, CancellationToken cancellationToken)
    {
        var gate = Gates.GetOrAdd(name, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            var now = clock.GetUtcNow();
            // Conditional update: the state we checked is the state we change, even against other nodes.
            var changed = await db.Set<TenantRecord>().Where(t => t.Name == name && t.State == from)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.State, to).SetProperty(t => t.UpdatedUtc, now), cancellationToken);
            if (changed == 0)
            {
                return await db.Set<TenantRecord>().AnyAsync(t => t.Name == name, cancellationToken)
                    ? TenantChangeOutcome.Conflict
                    : TenantChangeOutcome.NotFound;
            }

            Forget(name);
            logger.LogInformation("Tenant {Tenant} is now {State}", name, to);
            return TenantChangeOutcome.Done;
        }
        finally
        {
            gate.Release();
        }
    }

    private void Forget(string name)
    {
        registry.Invalidate(name);
        activator.Deactivate(name);
        settingsCache.Invalidate(name);
    }
}
