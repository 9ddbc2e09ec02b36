using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace OrchardPortal.Core.Data;

/// <summary>Creates and migrates the host database before the app takes requests. Tenants migrate lazily, on activation.</summary>
internal sealed class HostDatabaseInitializer(IServiceScopeFactory scopeFactory) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var storage = scope.ServiceProvider.GetRequiredService<ITenantStorage>();
        if (storage is PostgresTenantStorage postgres)
        {
            await postgres.EnsureHostSchemaAsync(cancellationToken);
        }

        var db = scope.ServiceProvider.GetRequiredService<HostDbContext>();
        await scope.ServiceProvider.GetRequiredService<SchemaMigrator>().MigrateAsync(db, DatabaseScope.Host, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
