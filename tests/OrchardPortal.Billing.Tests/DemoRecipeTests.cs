using Microsoft.Extensions.DependencyInjection;
using OrchardPortal.Billing.Estimates;
using OrchardPortal.Billing.Invoices;
using OrchardPortal.Billing.Models;
using OrchardPortal.Billing.Tests.Infrastructure;
using OrchardPortal.Core.Data;

namespace OrchardPortal.Billing.Tests;

public sealed class DemoRecipeTests(SqliteBillingApp app) : IClassFixture<SqliteBillingApp>
{
    [Fact]
    public async Task The_demo_portal_starts_with_paid_partly_paid_and_open_invoices_and_a_sent_estimate()
    {
        var (tenant, _) = await app.NewTenantAsync("demo");

        var (statuses, estimates, problems) = await app.InTenantAsync(tenant, async sp =>
        {
            var page = await sp.GetRequiredService<InvoiceService>().SearchAsync(new InvoiceQuery(), CancellationToken.None);
            var sent = await sp.GetRequiredService<EstimateService>().SearchAsync(null, 1, CancellationToken.None);
            var schema = await SchemaVerifier.CompareAsync(sp.GetRequiredService<TenantDbContext>(), CancellationToken.None);
            // Only this module's tables: other modules' schemas have tests of their own.
            string[] tables = ["Invoices", "InvoiceLines", "Estimates", "EstimateLines", "LedgerEntries", "Payments", "PaymentAllocations", "Refunds", "BillingCounters"];
            var mine = schema.Where(p => tables.Any(t => p.Contains($"Table {t} ", StringComparison.Ordinal) || p.Contains($"Column {t}.", StringComparison.Ordinal))).ToList();
            return (page.Items.Select(i => i.Status).ToHashSet(), sent.Items.Select(e => e.Status).ToList(), mine);
        });

        Assert.Empty(problems);
        Assert.Superset(new HashSet<InvoiceStatus> { InvoiceStatus.Paid, InvoiceStatus.PartiallyPaid, InvoiceStatus.Open }, statuses);
        Assert.Equal([EstimateStatus.Sent], estimates);
    }
}
