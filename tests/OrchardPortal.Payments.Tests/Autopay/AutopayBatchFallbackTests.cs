using OrchardPortal.Billing.Models;
using OrchardPortal.Payments.Autopay.Models;
using OrchardPortal.Payments.Tests.Autopay.Infrastructure;

namespace OrchardPortal.Payments.Tests.Autopay;

/// <summary>
/// A batch whose final transaction meets a change made meanwhile: Stripe's webhook recorded one of its charges,
/// and staff took a check for another invoice; or staff voided an invoice of the batch; while Stripe's answers were
/// on their way (SQLite and PostgreSQL).
/// </summary>
public abstract class AutopayBatchFallbackTests(AutopayApp app)
{
    [Fact]
    public async Task A_payment_recorded_from_the_webhook_while_the_batch_waits_for_stripe_sends_the_batch_one_by_one_and_each_invoice_is_paid_once()
    {
        var shop = await AutopayTenant.CreateAsync(app);
        var secret = await shop.AddWebhookSecretAsync();
        var all = await shop.EnrolledCustomersAsync(3);

        app.Clock.Advance(TimeSpan.FromDays(1));
        // The first charge request is carried out but its answer is held (the client asks again after its timeout);
        // the batch writes nothing until every answer is in.
        shop.HoldNextChargeAnswers(1);

        var running = shop.RunJobAsync();
        await shop.WaitForStripeChargesAsync(1);
        // Meanwhile the webhook of a charge Stripe made is delivered and recorded, and staff take a check for another invoice.
        var viaWebhook = all.Single(c => c.InvoiceIds[0] == shop.FirstChargedInvoice());
        var alsoByCheck = all.First(c => c != viaWebhook);
        var plain = all.Single(c => c != viaWebhook && c != alsoByCheck);
        await shop.DeliverSucceededEventAsync(secret, viaWebhook.InvoiceIds[0]);
        await shop.RecordCheckAsync(await shop.OwnerAsync(), alsoByCheck.InvoiceIds[0], 4_500);
        Assert.Equal((0L, 1), await viaWebhook.LedgerAsync());
        Assert.False(running.IsCompleted, "The run finished before the webhook and the check were recorded, so this test proved nothing.");
        var run = await running;

        Assert.Equal(3, run.Paid);
        var charged = shop.SucceededChargesPerInvoice();
        Assert.Equal(3, charged.Count);
        Assert.All(charged.Values, count => Assert.Equal(1, count));
        Assert.Equal(3, app.Stripe.Account(shop.SecretKey).PaymentIntents().Count);

        // The batch's transaction met the webhook's change and went one by one: the two charges whose payment was
        // not known yet asked Stripe again with their keys (3 first tries, the client's retry of the held one, 2
        // replays); the one the webhook recorded was read back. Without the fallback there would be 4.
        var rows = await shop.ChargesByInvoiceAsync();
        Assert.All(all, c => Assert.Equal(AutopayChargeStatus.Paid, rows[c.InvoiceIds[0]].Status));
        Assert.Equal(6, rows.Values.Sum(r => shop.KeyUses(r.IdempotencyKey)));

        // One payment per charge; the invoice paid by check is not paid twice: the autopay money is a credit.
        Assert.Equal((0L, 1), await viaWebhook.LedgerAsync());
        Assert.Equal((0L, 1), await plain.LedgerAsync());
        Assert.Equal((-4_500L, 2), await alsoByCheck.LedgerAsync());
        Assert.Equal((InvoiceStatus.Paid, 4_500L, 0L), await shop.InvoiceAsync(alsoByCheck.InvoiceIds[0]));
        Assert.Equal((InvoiceStatus.Paid, 4_500L, 0L), await shop.InvoiceAsync(viaWebhook.InvoiceIds[0]));

        foreach (var customer in all)
        {
            await shop.WaitForReceiptsAsync(customer.Email, 1);
        }

        var mail = await app.Mail.GetAllAsync();
        Assert.All(all, c => Assert.Single(mail, m => m.IsFor(c.Email) && m.Subject.Contains("paid automatically", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task An_invoice_voided_while_the_batch_waits_for_stripe_sends_the_batch_one_by_one_and_its_money_stays_on_the_account()
    {
        var shop = await AutopayTenant.CreateAsync(app);
        var all = await shop.EnrolledCustomersAsync(2);

        app.Clock.Advance(TimeSpan.FromDays(1));
        shop.HoldNextChargeAnswers(1);

        var running = shop.RunJobAsync();
        await shop.WaitForStripeChargesAsync(2);
        var voided = all.Single(c => c.InvoiceIds[0] == shop.FirstChargedInvoice());
        var plain = all.Single(c => c != voided);
        await shop.VoidAsync(await shop.OwnerAsync(), voided.InvoiceIds[0]);
        Assert.False(running.IsCompleted, "The run finished before the invoice was voided, so this test proved nothing.");
        var run = await running;

        Assert.Equal(2, run.Paid);
        Assert.Equal(2, shop.SucceededChargesPerInvoice().Count);
        Assert.All(shop.SucceededChargesPerInvoice().Values, count => Assert.Equal(1, count));
        // The batch could not be recorded as planned (an allocation to a voided invoice) and went one by one:
        // 2 first tries, the client's retry of the held one, and a replay each.
        var rows = await shop.ChargesByInvoiceAsync();
        Assert.Equal(5, rows.Values.Sum(r => shop.KeyUses(r.IdempotencyKey)));
        Assert.All(rows.Values, r => Assert.Equal(AutopayChargeStatus.Paid, r.Status));
        // Stripe took the money, so it is recorded: as a credit on the account (the voided invoice stays void and unpaid).
        var invoice = await shop.InvoiceAsync(voided.InvoiceIds[0]);
        Assert.Equal((InvoiceStatus.Void, 0L), (invoice.Status, invoice.Paid));
        Assert.Equal((-4_500L, 1), await voided.LedgerAsync());
        Assert.Equal((0L, 1), await plain.LedgerAsync());
        await shop.WaitForReceiptsAsync(voided.Email, 1);
        await shop.WaitForReceiptsAsync(plain.Email, 1);
    }
}

public sealed class SqliteAutopayBatchFallbackTests(SqliteAutopayApp app) : AutopayBatchFallbackTests(app), IClassFixture<SqliteAutopayApp>;

public sealed class PostgresAutopayBatchFallbackTests(PostgresAutopayApp app) : AutopayBatchFallbackTests(app), IClassFixture<PostgresAutopayApp>;
