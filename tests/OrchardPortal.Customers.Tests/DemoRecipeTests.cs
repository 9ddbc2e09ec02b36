using Microsoft.Extensions.DependencyInjection;
using OrchardPortal.Core.Data;
using OrchardPortal.Customers.Models;
using OrchardPortal.Customers.Services;
using OrchardPortal.Customers.Tests.Infrastructure;

namespace OrchardPortal.Customers.Tests;

public abstract class DemoRecipeTests(CustomersApp app)
{
    [Fact]
    public async Task The_demo_recipe_seeds_a_dozen_lawn_care_customers_with_their_properties()
    {
        var (tenant, staff) = await app.NewTenantAsync(recipe: "demo");

        var page = await staff.PageAsync(CustomerPaths.List);
        var all = await app.WithCustomersAsync(tenant, s => s.SearchAsync(new CustomerQuery(), CancellationToken.None));
        var hoa = await app.WithCustomersAsync(tenant, s => s.FindByEmailAsync("board@cedarridge-hoa.example.com", CancellationToken.None));

        Assert.Equal(12, all.TotalCount);
        Assert.Equal(12, page.ListedNames().Count);
        Assert.Contains("Cedar Ridge Homeowners Association", page.ListedNames());
        var association = Assert.Single(hoa);
        Assert.Equal(2, association.Addresses.Count(a => a.Kind == AddressKind.Service));
        Assert.Single(association.Addresses, a => a.Kind == AddressKind.Billing);
        Assert.Equal(Enumerable.Range(1, 12).Select(i => AccountNumberGenerator.Format(i)).Order(), all.Items.Select(i => i.AccountNumber).Order());
    }

    [Fact]
    public async Task A_tenant_from_the_default_recipe_has_no_customers_and_its_tables_match_the_model()
    {
        var (tenant, staff) = await app.NewTenantAsync();

        var page = await staff.PageAsync(CustomerPaths.List);
        var problems = await app.InTenantAsync(tenant, sp => SchemaVerifier.CompareAsync(sp.GetRequiredService<TenantDbContext>(), CancellationToken.None));

        Assert.Contains("No customers yet.", page.Text(), StringComparison.Ordinal);
        Assert.Empty(problems);
    }
}

public sealed class SqliteDemoRecipeTests(SqliteCustomersApp app) : DemoRecipeTests(app), IClassFixture<SqliteCustomersApp>;

public sealed class PostgresDemoRecipeTests(PostgresCustomersApp app) : DemoRecipeTests(app), IClassFixture<PostgresCustomersApp>;
