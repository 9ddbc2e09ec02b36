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
    private bool _hostFileReady;

    public string ProviderName => "Sqlite";

    public void ConfigureHost(DbContextOptionsBuilder builder)
    {
        builder.UseSqlite(BuildConnectionString(HostDatabasePath));
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
        EnableWriteAheadLog(DatabasePath(tenant.Name));
        return Task.CompletedTask;
    }

    /// <summary>
    /// Switches a new database file to write-ahead logging (a setting stored in the file): commits cost
    /// one sync instead of several, and readers never wait for a writer.
    /// </summary>
    public static void EnableWriteAheadLog(string file)
    {
        using var connection = new SqliteConnection(BuildConnectionString(file));
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode=WAL;";
        command.ExecuteNonQuery();
    }

    public Task DeleteAsync(TenantRecord tenant, CancellationToken cancellationToken)
    {
        DeleteFolder(tenant.Name);
        return Task.CompletedTask;
    }

    public Task<bool> ExistsAsync(TenantRecord tenant, CancellationToken cancellationToken) =>
        Task.FromResult(Directory.Exists(paths.TenantFolder(tenant.Name)));

    /// <summary>The host registry's file, created in WAL mode on first use.</summary>
    public string HostDatabasePath
    {
        get
        {
            var file = Path.Combine(paths.Root, "host.db");
            if (!_hostFileReady && !File.Exists(file))
            {
                Directory.CreateDirectory(paths.Root);
                EnableWriteAheadLog(file);
            }

            _hostFileReady = true;
            return file;
        }
    }

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
