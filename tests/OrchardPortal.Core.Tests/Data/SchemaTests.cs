using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OrchardPortal.Core.Data;
using OrchardPortal.Web.Testing;

namespace OrchardPortal.Core.Tests.Data;

public sealed class SchemaTests
{
    [Theory]
    [InlineData(StorageKind.Sqlite)]
    [InlineData(StorageKind.Postgres)]
    public async Task A_freshly_migrated_tenant_database_matches_the_EF_model(StorageKind storage)
    {
        await using var app = await PortalApp.CreateAsync(storage);
        var tenant = await app.CreateTenantAsync();

        var problems = await app.InTenantScopeAsync(tenant.Name, sp =>
            SchemaVerifier.CompareAsync(sp.GetRequiredService<TenantDbContext>(), CancellationToken.None));

        Assert.Empty(problems);
    }

    [Theory]
    [InlineData(StorageKind.Sqlite)]
    [InlineData(StorageKind.Postgres)]
    public async Task A_freshly_migrated_host_database_matches_the_EF_model(StorageKind storage)
    {
        await using var app = await PortalApp.CreateAsync(storage);
        _ = app.Server;
        await using var scope = app.Services.CreateAsyncScope();

        var problems = await SchemaVerifier.CompareAsync(scope.ServiceProvider.GetRequiredService<HostDbContext>(), CancellationToken.None);

        Assert.Empty(problems);
    }

    [Fact]
    public async Task The_schema_check_notices_a_column_the_migrations_forgot()
    {
        await using var app = PortalApp.CreateSqlite();
        var tenant = await app.CreateTenantAsync();

        var problems = await app.InTenantScopeAsync(tenant.Name, async sp =>
        {
            var db = sp.GetRequiredService<TenantDbContext>();
            await db.Database.ExecuteSqlRawAsync("ALTER TABLE SiteSettings DROP COLUMN UpdatedUtc");
            return await SchemaVerifier.CompareAsync(db, CancellationToken.None);
        });

        Assert.Contains(problems, p => p.Contains("SiteSettings.UpdatedUtc is missing", StringComparison.Ordinal));
    }
}
