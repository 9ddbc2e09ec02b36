using System.Globalization;
using OrchardPortal.Payments.Autopay.Job;
using OrchardPortal.Payments.Autopay.Models;
using OrchardPortal.Payments.Tests.Autopay.Infrastructure;

namespace OrchardPortal.Payments.Tests.Autopay;

/// <summary>
/// A run charging a claimed batch together (<see cref="AutopayBatch"/>) where the batch is not all plain: declines,
/// and customers, staff or Stripe changing things between planning and charging.
/// </summary>
public sealed class AutopayBatchTests(SqliteAutopayApp app) : IClassFixture<SqliteAutopayApp>
{
    [Fact]
    public async Task A_mixed_batch_pays_the_due_invoices_once_emails_the_declined_customer_and_skips_what_changed_after_planning_with_its_reason()
    {
        var shop = await AutopayTenant.CreateAsync(app);
        var declined = await AutopayCustomer.CreateAsync(shop, 1);
        var turnedOff = await AutopayCustomer.CreateAsync(shop, 1);
        var paidByStaff = await AutopayCustomer.CreateAsync(shop, 1);
        var voided = await AutopayCustomer.CreateAsync(shop, 1);
        AutopayCustomer[] payers = [await AutopayCustomer.CreateAsync(shop, 1), await AutopayCustomer.CreateAsync(shop, 1), await AutopayCustomer.CreateAsync(shop, 1)];
        await declined.SubmitAutopayAsync(await declined.AttachCardAsync("pm_card_chargeCustomerFail"));
        foreach (var customer in (AutopayCustomer[])[turnedOff, paidByStaff, voided, .. payers])
        {
            await customer.SubmitAutopayAsync(await customer.SaveCardAsync());
        }

        app.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(7, await shop.PlanAsync());

        // Between planning and charging: one customer turns autopay off, staff take a check for one invoice and void another.
        var off = await turnedOff.SubmitAutopayAsync(null, consent: false, change: "off");
        Assert.Contains("Automatic payments are off.", await AutopayCustomer.PageAsync(off), StringComparison.Ordinal);
        var owner = await shop.OwnerAsync();
        await shop.RecordCheckAsync(owner, paidByStaff.InvoiceIds[0], 4_500);
        await shop.VoidAsync(owner, voided.InvoiceIds[0]);

        var run = await shop.RunJobAsync();

        Assert.Equal((3, 1, 3, 7), (run.Paid, run.Failed, run.Summary.Count(AutopayOutcome.Skipped), run.Total));
        var charged = shop.SucceededChargesPerInvoice();
        Assert.Equal(payers.Select(p => Id(p.InvoiceIds[0])).Order(), charged.Keys.Order());
        Assert.All(charged.Values, count => Assert.Equal(1, count));
        var intents = app.Stripe.Account(shop.SecretKey).PaymentIntents();
        Assert.Equal(4, intents.Count);
        Assert.Single(intents, i => i.Metadata.GetValueOrDefault("invoice_id") == Id(declined.InvoiceIds[0]) && i.Status == "requires_payment_method");

        var rows = await shop.ChargesByInvoiceAsync();
        var failed = rows[declined.InvoiceIds[0]];
        Assert.Equal((AutopayChargeStatus.Retrying, 1), (failed.Status, failed.Attempts));
        Assert.True(failed.NextAttemptUtc > app.Clock.GetUtcNow().AddDays(AutopayTenant.RetryDays - 1), $"The retry is due {failed.NextAttemptUtc}.");
        Assert.Equal((AutopayChargeStatus.Skipped, "autopay_off"), (rows[turnedOff.InvoiceIds[0]].Status, rows[turnedOff.InvoiceIds[0]].LastCode));
        Assert.Equal((AutopayChargeStatus.Skipped, "not_due"), (rows[paidByStaff.InvoiceIds[0]].Status, rows[paidByStaff.InvoiceIds[0]].LastCode));
        Assert.Equal((AutopayChargeStatus.Skipped, "not_due"), (rows[voided.InvoiceIds[0]].Status, rows[voided.InvoiceIds[0]].LastCode));
        Assert.All(payers, p => Assert.Equal(AutopayChargeStatus.Paid, rows[p.InvoiceIds[0]].Status));

        Assert.Equal((4_500L, 0), await declined.LedgerAsync());
        Assert.Equal((4_500L, 0), await turnedOff.LedgerAsync());
        Assert.Equal((0L, 1), await paidByStaff.LedgerAsync());
        Assert.Equal((0L, 0), await voided.LedgerAsync());
        foreach (var payer in payers)
        {
            Assert.Equal((0L, 1), await payer.LedgerAsync());
        }

        await app.Mail.WaitForMailAsync(m => m.IsFor(declined.Email) && m.Subject.Contains("didn't go through", StringComparison.Ordinal), TimeSpan.FromSeconds(30));
        foreach (var payer in payers)
        {
            await app.Mail.WaitForMailAsync(m => m.IsFor(payer.Email) && m.Subject.Contains("paid automatically", StringComparison.Ordinal), TimeSpan.FromSeconds(30));
        }

        var mail = await app.Mail.GetAllAsync();
        Assert.Single(mail, m => m.IsFor(declined.Email) && m.Subject.Contains("didn't go through", StringComparison.Ordinal));
        Assert.All(payers, p => Assert.Single(mail, m => m.IsFor(p.Email) && m.Subject.Contains("paid automatically", StringComparison.Ordinal)));
        Assert.DoesNotContain(mail, m => (m.IsFor(turnedOff.Email) || m.IsFor(paidByStaff.Email) || m.IsFor(voided.Email) || m.IsFor(declined.Email))
            && m.Subject.Contains("paid automatically", StringComparison.Ordinal));
        Assert.DoesNotContain(mail, m => (m.IsFor(turnedOff.Email) || m.IsFor(paidByStaff.Email) || m.IsFor(voided.Email) || payers.Any(p => m.IsFor(p.Email)))
            && m.Subject.Contains("didn't go through", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_check_staff_take_while_the_batch_waits_for_stripe_leaves_the_autopay_money_as_credit_and_the_invoice_paid_once()
    {
        var shop = await AutopayTenant.CreateAsync(app);
        var all = await shop.EnrolledCustomersAsync(2);

        app.Clock.Advance(TimeSpan.FromDays(1));
        shop.HoldNextChargeAnswers(1);

        var running = shop.RunJobAsync();
        await shop.WaitForStripeChargesAsync(2);
        var byCheck = all.Single(c => c.InvoiceIds[0] == shop.FirstChargedInvoice());
        var plain = all.Single(c => c != byCheck);
        await shop.RecordCheckAsync(await shop.OwnerAsync(), byCheck.InvoiceIds[0], 4_500);
        Assert.False(running.IsCompleted, "The run finished before the check was recorded, so this test proved nothing.");
        var run = await running;

        Assert.Equal(2, run.Paid);
        Assert.All(shop.SucceededChargesPerInvoice().Values, count => Assert.Equal(1, count));
        // The batch applied both answers itself (2 first tries and the client's retry of the held one; no replays).
        var rows = await shop.ChargesByInvoiceAsync();
        Assert.Equal(3, rows.Values.Sum(r => shop.KeyUses(r.IdempotencyKey)));
        Assert.All(rows.Values, r => Assert.Equal(AutopayChargeStatus.Paid, r.Status));
        Assert.Equal((Billing.Models.InvoiceStatus.Paid, 4_500L, 0L), await shop.InvoiceAsync(byCheck.InvoiceIds[0]));
        Assert.Equal((-4_500L, 2), await byCheck.LedgerAsync());
        Assert.Equal((0L, 1), await plain.LedgerAsync());
        await shop.WaitForReceiptsAsync(byCheck.Email, 1);
        await shop.WaitForReceiptsAsync(plain.Email, 1);
    }

    private static string Id(long invoiceId) => invoiceId.ToString(CultureInfo.InvariantCulture);
}
