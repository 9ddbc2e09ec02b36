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

        Assert.Equal(HttpStatusCode.ServiceUnavailable, paid.StatusCode);
        Assert.Contains("If you were charged, your payment will appear shortly", WebUtility.HtmlDecode(await paid.Content.ReadAsStringAsync()), StringComparison.Ordinal);
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
        Assert.Equal(HttpStatusCode.ServiceUnavailable, lost.StatusCode);
        // The customer tries again from a fresh page and that payment goes through.
        var (retry, retryAntiforgery) = await invoice.PayFormAsync(browser);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.PostFormWithTokenAsync(invoice.Link, retry, retryAntiforgery)).StatusCode);

        await fixture.App.Services.GetRequiredService<ReconciliationJob>().RunOnceAsync(CancellationToken.None);

        Assert.Equal(1, account.SuccessfulChargeCount);
        Assert.Equal((1, 0L), await invoice.LedgerAsync());
    }

    private Task<PaymentAttempt> AttemptAsync(LinkedInvoice invoice) =>
        fixture.App.InTenantScopeAsync(invoice.Tenant.Name, sp =>
            sp.GetRequiredService<TenantDbContext>().Set<PaymentAttempt>().AsNoTracking().SingleAsync(a => a.CustomerId == invoice.CustomerId));
}
