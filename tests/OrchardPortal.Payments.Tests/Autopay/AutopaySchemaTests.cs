using Microsoft.Extensions.DependencyInjection;
using OrchardPortal.Core.Data;
using OrchardPortal.Payments.Tests.Autopay.Infrastructure;

namespace OrchardPortal.Payments.Tests.Autopay;

public sealed class AutopaySchemaTests(SqliteAutopayApp app) : IClassFixture<SqliteAutopayApp>
{
    [Fact]
    public async Task The_autopay_migration_creates_exactly_the_tables_the_model_expects()
    {
        var tenant = await app.CreateTenantAsync();

        var problems = await app.InTenantAsync(tenant, sp => SchemaVerifier.CompareAsync(sp.GetRequiredService<TenantDbContext>(), CancellationToken.None));

        Assert.Equal([], problems.Where(p => p.Contains("Autopay", StringComparison.Ordinal)).ToArray());
    }
}
