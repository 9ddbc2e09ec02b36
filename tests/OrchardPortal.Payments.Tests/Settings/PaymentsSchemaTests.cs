using Microsoft.Extensions.DependencyInjection;
using OrchardPortal.Core.Data;
using OrchardPortal.Payments.Tests.Infrastructure;

namespace OrchardPortal.Payments.Tests.Settings;

public sealed class PaymentsSchemaTests(PaymentsApp app) : IClassFixture<PaymentsApp>
{
    [Fact]
    public async Task The_migration_creates_exactly_the_tables_the_model_expects()
    {
        var tenant = await app.CreateTenantAsync();

        var problems = await app.InTenantAsync(tenant, sp => SchemaVerifier.CompareAsync(sp.GetRequiredService<TenantDbContext>(), CancellationToken.None));

        string[] ours = ["PaymentAttempts", "PaymentGatewayCustomers", "PaymentWebhookEvents", "SandboxPayments", "SandboxMethods", "SandboxRequests"];
        Assert.Equal([], problems.Where(p => ours.Any(t => p.Contains(t, StringComparison.Ordinal))).ToArray());
    }
}
