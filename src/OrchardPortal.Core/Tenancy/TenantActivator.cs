using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using OrchardPortal.Core.Data;

namespace OrchardPortal.Core.Tenancy;

/// <summary>
/// Prepares a tenant the first time this process serves it: brings its schema up to date, so a tenant
/// created at an older version is upgraded on its next activation, then lets modules react
/// (<see cref="ITenantActivationHandler"/>). Later requests pay nothing.
/// </summary>
public sealed class TenantActivator(IServiceScopeFactory scopeFactory)
{
    private readonly ConcurrentDictionary<string, Lazy<Task>> _activations = new(StringComparer.Ordinal);

    public Task EnsureActivatedAsync(TenantRecord tenant)
    {
        var activation = _activations.GetOrAdd(tenant.Name, _ => new Lazy<Task>(() => ActivateAsync(tenant)));
        var task = activation.Value;
        if (task.IsFaulted || task.IsCanceled)
        {
            // A failed activation (database briefly unreachable) is retried by the next request.
            _activations.TryRemove(new KeyValuePair<string, Lazy<Task>>(tenant.Name, activation));
        }

        return task;
    }

    /// <summary>Forgets a tenant's activation (after delete, or in tests that change its schema).</summary>
    public void Deactivate(string tenantName) => _activations.TryRemove(tenantName, out _);

    private async Task ActivateAsync(TenantRecord tenant)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantScope>().Enter(tenant);
        var db = scope.ServiceProvider.GetRequiredService<TenantDbContext>();
        await scope.ServiceProvider.GetRequiredService<SchemaMigrator>().MigrateAsync(db, DatabaseScope.Tenant, CancellationToken.None);
        foreach (var handler in scope.ServiceProvider.GetServices<ITenantActivationHandler>())
        {
            await handler.ActivatedAsync(tenant, CancellationToken.None);
        }
    }
}
