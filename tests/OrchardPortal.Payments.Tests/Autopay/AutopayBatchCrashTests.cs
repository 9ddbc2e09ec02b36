using OrchardPortal.Payments.Autopay.Job;
using OrchardPortal.Payments.Autopay.Models;
using OrchardPortal.Payments.Tests.Autopay.Infrastructure;

namespace OrchardPortal.Payments.Tests.Autopay;

/// <summary>
/// A node stops between Stripe's charges and the batch's write (its attempts written, the money taken, nothing
/// recorded), as a host that died or froze would; another node takes the charges once the lease lapses
/// (SQLite and PostgreSQL).
/// </summary>
public abstract class AutopayBatchCrashTests(AutopayApp app)
{
    [Fact]
    public async Task Charges_a_stalled_node_made_but_never_recorded_are_recorded_once_by_another_node_after_the_lease_lapses_and_the_late_answers_change_nothing()
    {
        var shop = await AutopayTenant.CreateAsync(app);
        var first = await AutopayCustomer.CreateAsync(shop, 1);
        var second = await AutopayCustomer.CreateAsync(shop, 1);
        await first.SubmitAutopayAsync(await first.SaveCardAsync());
        await second.SubmitAutopayAsync(await second.SaveCardAsync("pm_card_mastercard"));
        app.Clock.Advance(TimeSpan.FromDays(1));
        // Two charges, both in flight at once (the batch runs as many calls at once as the machine has processors).
        shop.HoldNextChargeAnswers(2);

        // The second node claims both charges as one batch, Stripe charges them, and the node hears nothing back.
        var stalled = shop.RunJobAsync(app.SecondNode);
        await shop.WaitForStripeChargesAsync(2);
        Assert.Equal((4_500L, 0), await first.LedgerAsync());
        Assert.Equal(0, (await shop.RunJobAsync()).Total);

        app.Clock.Advance(TimeSpan.FromMinutes(11));
        var next = await shop.RunJobAsync();

        Assert.Equal(2, next.Paid);
        Assert.False(stalled.IsCompleted, "The stalled node finished before its lease lapsed, so this test proved nothing.");
        var late = await stalled;
        Assert.Equal(0, late.Paid);
        Assert.Equal(2, late.Summary.Count(AutopayOutcome.Lost));

        var charged = shop.SucceededChargesPerInvoice();
        Assert.Equal(2, charged.Count);
        Assert.All(charged.Values, count => Assert.Equal(1, count));
        Assert.Equal(2, app.Stripe.Account(shop.SecretKey).PaymentIntents().Count);
        Assert.Equal((0L, 1), await first.LedgerAsync());
        Assert.Equal((0L, 1), await second.LedgerAsync());
        var rows = await shop.ChargesByInvoiceAsync();
        Assert.Equal(2, rows.Count);
        Assert.All(rows.Values, r => Assert.Equal((AutopayChargeStatus.Paid, (string?)null), (r.Status, r.LeaseToken)));

        await shop.WaitForReceiptsAsync(first.Email, 1);
        await shop.WaitForReceiptsAsync(second.Email, 1);
        var mail = await app.Mail.GetAllAsync();
        Assert.Single(mail, m => m.IsFor(first.Email) && m.Subject.Contains("paid automatically", StringComparison.Ordinal));
        Assert.Single(mail, m => m.IsFor(second.Email) && m.Subject.Contains("paid automatically", StringComparison.Ordinal));
    }
}

public sealed class SqliteAutopayBatchCrashTests(SqliteAutopayApp app) : AutopayBatchCrashTests(app), IClassFixture<SqliteAutopayApp>;

public sealed class PostgresAutopayBatchCrashTests(PostgresAutopayApp app) : AutopayBatchCrashTests(app), IClassFixture<PostgresAutopayApp>;
