using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OrchardPortal.Core.Data;
using OrchardPortal.FakeStripe.State;
using OrchardPortal.Payments.Attempts;
using OrchardPortal.Payments.Gateways;
using OrchardPortal.Payments.Reconciliation;
using OrchardPortal.Web.Testing;

namespace OrchardPortal.Payments.Tests.Reconciliation;

/// <summary>Attempts left without an answer are asked about again, with the same key, and recorded once.</summary>
public sealed class ReconciliationTests(SqliteLinkPaymentsApp fixture) : IClassFixture<SqliteLinkPaymentsApp>
{
    [Fact]
    public async Task A_charge_whose_answer_was_lost_is_recorded_once_by_the_reconciliation_pass_and_not_charged_again()
    {
        var invoice = await LinkedInvoice.CreateAsync(fixture);
        var account = fixture.Stripe.Account(invoice.SecretKey);
        var browser = fixture.App.CreateClient(invoice.Tenant.Host);
        var (fields, antiforgery) = await invoice.PayFormAsync(browser);
        // Stripe charges the card, then the answer never comes back: to us the outcome is unknown.
        account.FailNextRequests(1, FaultKind.HangAfterExecution, "/v1/payment_intents");

        var paid = await browser.PostFormWithTokenAsync(invoice.Link, fields, antiforgery);

        Assert.Equal(HttpStatusCode.Redirect, paid.StatusCode);
        Assert.Contains("Payment not confirmed yet", WebUtility.HtmlDecode(await browser.GetStringAsync(paid.Headers.Location!.OriginalString)), StringComparison.Ordinal);
        Assert.Equal(1, account.SuccessfulChargeCount);
        Assert.Equal((0, 2_500L), await invoice.LedgerAsync());

        var first = await fixture.App.Services.GetRequiredService<ReconciliationJob>().RunOnceAsync(CancellationToken.None);
        var second = await fixture.App.Services.GetRequiredService<ReconciliationJob>().RunOnceAsync(CancellationToken.None);

        Assert.True(first.Moved >= 1, first.ToString());
        Assert.Equal((1, 0L), await invoice.LedgerAsync());
        Assert.Equal(1, account.SuccessfulChargeCount);
        Assert.Single(account.PaymentIntents());
        var attempt = await AttemptAsync(invoice);
        Assert.Equal(PaymentStatus.Succeeded, attempt.Status);
        Assert.NotNull(attempt.RecordedUtc);
        Assert.Equal(0, second.Moved);
    }

    [Fact]
    public async Task An_unanswered_request_is_not_sent_again_once_the_invoice_was_paid_another_way()
    {
        var invoice = await LinkedInvoice.CreateAsync(fixture);
        var account = fixture.Stripe.Account(invoice.SecretKey);
        var browser = fixture.App.CreateClient(invoice.Tenant.Host);
        var (fields, antiforgery) = await invoice.PayFormAsync(browser);
        // The request never reaches Stripe (the connection fails before it is handled).
        account.FailNextRequests(1, FaultKind.HangBeforeExecution, "/v1/payment_intents");
        var lost = await browser.PostFormWithTokenAsync(invoice.Link, fields, antiforgery);
        Assert.Equal(HttpStatusCode.Redirect, lost.StatusCode);
        // The customer tries again from a fresh page and that payment goes through.
        var (retry, retryAntiforgery) = await invoice.PayFormAsync(browser);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.PostFormWithTokenAsync(invoice.Link, retry, retryAntiforgery)).StatusCode);

        await fixture.App.Services.GetRequiredService<ReconciliationJob>().RunOnceAsync(CancellationToken.None);

        Assert.Equal(1, account.SuccessfulChargeCount);
        Assert.Equal((1, 0L), await invoice.LedgerAsync());
    }

    [Fact]
    public async Task A_link_payment_stripe_answers_with_a_500_shows_it_is_not_confirmed_yet_and_reconciliation_records_it_once()
    {
        var invoice = await LinkedInvoice.CreateAsync(fixture);
        var account = fixture.Stripe.Account(invoice.SecretKey);
        var browser = fixture.App.CreateClient(invoice.Tenant.Host);
        var (fields, antiforgery) = await invoice.PayFormAsync(browser);
        // This app's Stripe client does not retry, so one 500 is the whole answer; Stripe did nothing.
        account.FailNextRequests(1, FaultKind.ServerErrorBeforeExecution, "/v1/payment_intents");

        var paid = await browser.PostFormWithTokenAsync(invoice.Link, fields, antiforgery);

        Assert.Equal(HttpStatusCode.Redirect, paid.StatusCode);
        var receiptPath = paid.Headers.Location!.OriginalString;
        Assert.StartsWith(invoice.Link + "/receipt/", receiptPath, StringComparison.Ordinal);
        var receipt = await browser.GetAsync(receiptPath);
        Assert.Equal(HttpStatusCode.OK, receipt.StatusCode);
        var text = WebUtility.HtmlDecode(await receipt.Content.ReadAsStringAsync());
        Assert.Contains("Payment not confirmed yet", text, StringComparison.Ordinal);
        Assert.Contains("you won’t be charged twice", text, StringComparison.Ordinal);
        Assert.Equal(PaymentStatus.Pending, (await AttemptAsync(invoice)).Status);
        Assert.Equal(0, account.SuccessfulChargeCount);

        await fixture.App.Services.GetRequiredService<ReconciliationJob>().RunOnceAsync(CancellationToken.None);

        Assert.Equal((1, 0L), await invoice.LedgerAsync());
        Assert.Equal(1, account.SuccessfulChargeCount);
        Assert.Equal(PaymentStatus.Succeeded, (await AttemptAsync(invoice)).Status);
        Assert.Contains("Payment received", WebUtility.HtmlDecode(await browser.GetStringAsync(receiptPath)), StringComparison.Ordinal);
    }

    private Task<PaymentAttempt> AttemptAsync(LinkedInvoice invoice) =>
        fixture.App.InTenantScopeAsync(invoice.Tenant.Name, sp =>
            sp.GetRequiredService<TenantDbContext>().Set<PaymentAttempt>().AsNoTracking().SingleAsync(a => a.CustomerId == invoice.CustomerId));
}
