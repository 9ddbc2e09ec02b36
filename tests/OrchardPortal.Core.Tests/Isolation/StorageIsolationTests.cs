using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;
using OrchardPortal.Core.Data;
using OrchardPortal.Core.Settings;
using OrchardPortal.Web.Testing;

namespace OrchardPortal.Core.Tests.Isolation;

public sealed class StorageIsolationTests
{
    [Theory]
    [InlineData(StorageKind.Sqlite)]
    [InlineData(StorageKind.Postgres)]
    public async Task A_settings_document_saved_by_one_tenant_is_invisible_to_another(StorageKind storage)
    {
        await using var app = await PortalApp.CreateAsync(storage);
        var a = await app.CreateTenantAsync(companyName: "Alpha Lawns");
        var b = await app.CreateTenantAsync(companyName: "Beta Pest Control");

        await app.InTenantScopeAsync(a.Name, async sp =>
        {
            await sp.GetRequiredService<SiteSettingsService>().SaveJsonAsync("Secret", """{"gateCode":"4321"}""", CancellationToken.None);
            return 0;
        });
        var seenByB = await app.InTenantScopeAsync(b.Name, sp => sp.GetRequiredService<SiteSettingsService>().GetJsonAsync("Secret", CancellationToken.None));
        var siteOfB = await app.InTenantScopeAsync(b.Name, sp => sp.GetRequiredService<SiteSettingsService>().GetJsonAsync("Site", CancellationToken.None));

        Assert.Null(seenByB);
        Assert.Contains("Beta Pest Control", siteOfB, StringComparison.Ordinal);
        Assert.DoesNotContain("Alpha", siteOfB, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tenants_on_one_PostgreSQL_server_share_one_connection_pool()
    {
        await using var app = await PortalApp.CreatePostgresAsync();
        var tenants = new List<TenantHandle>();
        for (var i = 0; i < 6; i++)
        {
            tenants.Add(await app.CreateTenantAsync());
        }

        // Touch every tenant's storage so each would have opened its own pool if pools were per tenant.
        foreach (var tenant in tenants)
        {
            await app.InTenantScopeAsync(tenant.Name, sp => sp.GetRequiredService<SiteSettingsService>().GetJsonAsync("Site", CancellationToken.None));
        }

        var connectionString = app.Services.GetRequiredService<IOptions<StorageOptions>>().Value.ConnectionString!;
        var database = new NpgsqlConnectionStringBuilder(connectionString).Database;
        await using var probe = new NpgsqlConnection(connectionString);
        await probe.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM pg_stat_activity WHERE datname = @db AND pid <> pg_backend_pid()", probe);
        command.Parameters.AddWithValue("db", database!);
        var serverConnections = (long)(await command.ExecuteScalarAsync())!;

        // Six tenants, used one after another, are served by the same pooled connection(s), not six pools.
        Assert.InRange(serverConnections, 1, 2);
    }

    [Fact]
    public void The_SQLite_pool_limiter_keeps_only_the_most_recently_used_tenants_open()
    {
        var limiter = new SqlitePoolLimiter(Options.Create(new StorageOptions { MaxOpenSqliteTenants = 2 }));

        limiter.Touch("Data Source=a.db");
        limiter.Touch("Data Source=b.db");
        limiter.Touch("Data Source=a.db");
        limiter.Touch("Data Source=c.db");

        Assert.Equal(2, limiter.OpenPools);
    }
}
