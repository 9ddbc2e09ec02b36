using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using OrchardPortal.Core.Data;
using OrchardPortal.Core.Provisioning;
using OrchardPortal.Core.Tenancy;
using OrchardPortal.Web.Testing;

namespace OrchardPortal.Core.Tests.Data;

public sealed class SchemaUpgradeTests
{
    [Theory]
    [InlineData(StorageKind.Sqlite)]
    [InlineData(StorageKind.Postgres)]
    public async Task A_tenant_created_at_an_older_schema_version_is_upgraded_on_its_next_activation(StorageKind storage)
    {
        await using var app = await PortalApp.CreateAsync(storage);
        var name = "upgrade-" + Guid.NewGuid().ToString("N")[..8];

        // Version 1 of a module's schema is what the tenant is created with...
        await using (var before = WithWidgetSteps(app, 1))
        {
            await using var scope = before.Services.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<TenantProvisioningService>().ProvisionAsync(
                new ProvisioningRequest
                {
                    CompanyName = "Upgrade Lawn Co",
                    Subdomain = name,
                    OwnerName = "Uma Upgrade",
                    OwnerEmail = "uma@upgrade.example.com",
                    OwnerPassword = "Hedge-Trimmer-77!",
                    RecipeName = "default",
                },
                CancellationToken.None);
            Assert.True(result.Succeeded, string.Join("; ", result.Errors.Values));
            Assert.Equal(1, await WidgetVersionAsync(before, name));
        }

        // ...then the app is restarted with version 2, and the tenant's next request upgrades it.
        await using var after = WithWidgetSteps(app, 2);
        await after.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri($"http://{name}.localhost"), AllowAutoRedirect = false })
            .GetAsync("/");

        Assert.Equal(2, await WidgetVersionAsync(after, name));
        var notesColumnWorks = await InTenantAsync(after, name, db =>
            db.Database.SqlQueryRaw<int>("SELECT COUNT(\"Notes\") AS \"Value\" FROM \"Widgets\"").SingleAsync());
        Assert.Equal(0, notesColumnWorks);
    }

    private static WebApplicationFactory<Program> WithWidgetSteps(PortalApp app, int steps) =>
        app.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<DataMigration>(new WidgetMigration(steps))));

    private static Task<int> WidgetVersionAsync(WebApplicationFactory<Program> factory, string tenant) =>
        InTenantAsync(factory, tenant, async db => (await SchemaMigrator.ReadVersionsAsync(db, CancellationToken.None)).GetValueOrDefault("Test.Widgets"));

    private static async Task<T> InTenantAsync<T>(WebApplicationFactory<Program> factory, string tenantName, Func<TenantDbContext, Task<T>> action)
    {
        var tenant = await factory.Services.GetRequiredService<TenantRegistry>().FindByHostAsync($"{tenantName}.localhost", CancellationToken.None);
        await using var scope = factory.Services.GetRequiredService<TenantScopeFactory>().CreateScope(tenant!);
        return await action(scope.ServiceProvider.GetRequiredService<TenantDbContext>());
    }

    /// <summary>A stand-in module whose schema gains a column in version 2.</summary>
    private sealed class WidgetMigration(int steps) : DataMigration
    {
        public override string Id => "Test.Widgets";

        public override DatabaseScope Scope => DatabaseScope.Tenant;

        public override IReadOnlyList<Action<MigrationBuilder>> Steps => AllSteps.Take(steps).ToList();

        private static readonly Action<MigrationBuilder>[] AllSteps =
        [
            b => b.CreateTable("Widgets", c => new { Id = c.Column<long>(nullable: false), Name = c.Column<string>(nullable: false) }, constraints: t => t.PrimaryKey("PK_Widgets", x => x.Id)),
            b => b.AddColumn<string>("Notes", "Widgets", nullable: true),
        ];
    }
}
