using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using OrchardPortal.Core.Tenancy;

namespace OrchardPortal.Core.Data;

/// <summary>
/// A schema per tenant on a shared PostgreSQL server. Every tenant on a server shares that server's one
/// connection pool (<see cref="NpgsqlDataSource"/>); the tenant's schema is selected with
/// <c>search_path</c> when a connection is opened (<see cref="SearchPathInterceptor"/>).
/// </summary>
public sealed class PostgresTenantStorage(IOptions<StorageOptions> options, AppDataPaths paths) : ITenantStorage, IDisposable
{
    public const string HostSchema = "portal_host";

    private readonly ConcurrentDictionary<string, NpgsqlDataSource> _dataSources = new(StringComparer.Ordinal);

    public string ProviderName => "Postgres";

    public static string SchemaFor(string tenantName) => "tenant_" + tenantName.Replace('-', '_');

    public void ConfigureHost(DbContextOptionsBuilder builder) => Configure(builder, "");

    public void ConfigureTenant(DbContextOptionsBuilder builder, TenantRecord tenant) => Configure(builder, tenant.Placement);

    public async Task CreateAsync(TenantRecord tenant, CancellationToken cancellationToken)
    {
        var schema = Quote(SchemaFor(tenant.Name));
        await ExecuteAsync(tenant.Placement, $"DROP SCHEMA IF EXISTS {schema} CASCADE; CREATE SCHEMA {schema};", cancellationToken);
        Directory.CreateDirectory(paths.TenantFolder(tenant.Name));
    }

    public async Task DeleteAsync(TenantRecord tenant, CancellationToken cancellationToken)
    {
        await ExecuteAsync(tenant.Placement, $"DROP SCHEMA IF EXISTS {Quote(SchemaFor(tenant.Name))} CASCADE;", cancellationToken);
        var folder = paths.TenantFolder(tenant.Name);
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    public async Task<bool> ExistsAsync(TenantRecord tenant, CancellationToken cancellationToken)
    {
        await using var command = DataSource(tenant.Placement).CreateCommand("SELECT count(*) FROM pg_namespace WHERE nspname = $1");
        command.Parameters.AddWithValue(SchemaFor(tenant.Name));
        var count = (long)(await command.ExecuteScalarAsync(cancellationToken))!;
        return count > 0 || Directory.Exists(paths.TenantFolder(tenant.Name));
    }

    public string GetTenantFilesPath(string tenantName) => Path.Combine(paths.TenantFolder(tenantName), "files");

    public async Task EnsureHostSchemaAsync(CancellationToken cancellationToken) =>
        await ExecuteAsync("", $"CREATE SCHEMA IF NOT EXISTS {Quote(HostSchema)};", cancellationToken);

    public void Dispose()
    {
        foreach (var dataSource in _dataSources.Values)
        {
            dataSource.Dispose();
        }
    }

    private void Configure(DbContextOptionsBuilder builder, string placement)
    {
        builder.UseNpgsql(DataSource(placement));
        builder.AddInterceptors(SearchPathInterceptor.Instance);
    }

    private async Task ExecuteAsync(string placement, string sql, CancellationToken cancellationToken)
    {
        await using var command = DataSource(placement).CreateCommand(sql);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private NpgsqlDataSource DataSource(string placement) => _dataSources.GetOrAdd(placement, key =>
    {
        var connectionString = key.Length == 0
            ? options.Value.ConnectionString
            : options.Value.Servers.GetValueOrDefault(key);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException(key.Length == 0
                ? "Storage:Provider is Postgres but Storage:ConnectionString is not set."
                : $"Tenant placement '{key}' has no connection string under Storage:Servers.");
        }

        return NpgsqlDataSource.Create(connectionString);
    });

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
