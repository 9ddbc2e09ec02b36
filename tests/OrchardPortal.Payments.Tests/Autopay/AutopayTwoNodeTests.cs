using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OrchardPortal.Core.Data;
using OrchardPortal.Payments.Autopay.Models;
using OrchardPortal.Payments.Tests.Autopay.Infrastructure;

namespace OrchardPortal.Payments.Tests.Autopay;

/// <summary>Two servers over one tenant database running the autopay job at the same moment (SQLite and PostgreSQL).</summary>
public abstract class AutopayTwoNodeTests(AutopayApp app)
{
    private const int Invoices = 12;

    [Fact]
    public async Task Autopay_run_on_two_nodes_at_once_charges_each_invoice_exactly_once()
    {
        var shop = await AutopayTenant.CreateAsync(app);
        var first = await AutopayCustomer.CreateAsync(shop, [.. Enumerable.Repeat(1, Invoices / 2)]);
        var second = await AutopayCustomer.CreateAsync(shop, [.. Enumerable.Repeat(1, Invoices / 2)]);
        await first.SubmitAutopayAsync(await first.SaveCardAsync());
        await second.SubmitAutopayAsync(await second.SaveCardAsync("pm_card_mastercard"));
        app.Clock.Advance(TimeSpan.FromDays(1));

        // Both nodes plan and claim the same invoices at the same time, twice over.
        var runs = await Task.WhenAll(shop.RunJobAsync(), shop.RunJobAsync(app.SecondNode), shop.RunJobAsync(), shop.RunJobAsync(app.SecondNode));

        Assert.Equal(Invoices, runs.Sum(r => r.Paid));
        var charged = shop.SucceededChargesPerInvoice();
        Assert.Equal(Invoices, charged.Count);
        Assert.All(charged.Values, count => Assert.Equal(1, count));
        Assert.Equal(Invoices, app.Stripe.Account(shop.SecretKey).PaymentIntents().Count);
        Assert.Equal((0L, Invoices / 2), await first.LedgerAsync());
        Assert.Equal((0L, Invoices / 2), await second.LedgerAsync());
        var rows = await app.InTenantAsync(shop.Tenant, sp => sp.GetRequiredService<TenantDbContext>().Set<AutopayCharge>().ToListAsync());
        Assert.Equal(Invoices, rows.Count);
        Assert.All(rows, r => Assert.Equal(AutopayChargeStatus.Paid, r.Status));
    }
}

public sealed class SqliteAutopayTwoNodeTests(SqliteAutopayApp app) : AutopayTwoNodeTests(app), IClassFixture<SqliteAutopayApp>;

public sealed class PostgresAutopayTwoNodeTests(PostgresAutopayApp app) : AutopayTwoNodeTests(app), IClassFixture<PostgresAutopayApp>;
