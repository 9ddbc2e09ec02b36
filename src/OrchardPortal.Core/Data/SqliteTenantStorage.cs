using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using OrchardPortal.Core.Tenancy;

namespace OrchardPortal.Core.Data;

/// <summary>
/// One SQLite file per tenant under <c>App_Data/Sites/{name}/portal.db</c>, the registry in
/// <c>App_Data/host.db</c>. Pools are kept only for recently used tenants (<see cref="SqlitePoolLimiter"/>),
/// so thousands of tenants never mean thousands of open files.
/// </summary>
public sealed class SqliteTenantStorage(AppDataPaths paths, SqlitePoolLimiter pools) : ITenantStorage
{
    public string ProviderName => "Sqlite";

    public void ConfigureHost(DbContextOptionsBuilder builder)
    {
        Directory.CreateDirectory(paths.Root);
        builder.UseSqlite(BuildConnectionString(Path.Combine(paths.Root, "host.db")));
    }

    public void ConfigureTenant(DbContextOptionsBuilder builder, TenantRecord tenant)
    {
        var connectionString = BuildConnectionString(DatabasePath(tenant.Name));
        pools.Touch(connectionString);
        builder.UseSqlite(connectionString);
    }

    public Task CreateAsync(TenantRecord tenant, CancellationToken cancellationToken)
    {
        var folder = paths.TenantFolder(tenant.Name);
        if (Directory.Exists(folder))
        {
            // Only the caller that holds the registry row for this name gets here, so a folder is a
            // leftover of an attempt that crashed before it could clean up.
            DeleteFolder(tenant.Name);
        }

        Directory.CreateDirectory(folder);
        return Task.CompletedTask;
    }

    public Task DeleteAsync(TenantRecord tenant, CancellationToken cancellationToken)
    {
        DeleteFolder(tenant.Name);
        return Task.CompletedTask;
    }

    public Task<bool> ExistsAsync(TenantRecord tenant, CancellationToken cancellationToken) =>
        Task.FromResult(Directory.Exists(paths.TenantFolder(tenant.Name)));

    public string GetTenantFilesPath(string tenantName) => Path.Combine(paths.TenantFolder(tenantName), "files");

    private void DeleteFolder(string tenantName)
    {
        var connectionString = BuildConnectionString(DatabasePath(tenantName));
        pools.Release(connectionString);
        var folder = paths.TenantFolder(tenantName);
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private string DatabasePath(string tenantName) => Path.Combine(paths.TenantFolder(tenantName), "portal.db");

    private static string BuildConnectionString(string file) => new SqliteConnectionStringBuilder
    {
        DataSource = file,
        Pooling = true,
        // WAL is set on first open by the migrator; the busy timeout lets concurrent writers wait instead of failing.
        DefaultTimeout = 30,
    }.ToString();
}
