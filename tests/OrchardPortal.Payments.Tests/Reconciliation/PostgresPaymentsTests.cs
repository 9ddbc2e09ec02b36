using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OrchardPortal.Core.Data;
using OrchardPortal.FakeStripe.State;
using OrchardPortal.Payments.Attempts;
using OrchardPortal.Payments.Gateways;
using OrchardPortal.Payments.Reconciliation;
using OrchardPortal.Web.Testing;
using OrchardPortal.Payments.Webhooks;

namespace OrchardPortal.Payments.Tests.Reconciliation;

/// <summary>The payment correctness guarantees on PostgreSQL (row locks and unique indexes behave differently from SQLite's single writer).</summary>
public sealed class PostgresPaymentsTests(PostgresLinkPaymentsApp fixture) : IClassFixture<PostgresLinkPaymentsApp>
{
    [Fact]
    public async Task Fifty_concurrent_pay_now_requests_make_one_charge_and_one_payment()
    {
        var invoice = await LinkedInvoice.CreateAsync(fixture);
        var browser = fixture.App.CreateClient(invoice.Tenant.Host);
        var (fields, antiforgery) = await invoice.PayFormAsync(browser);

        var responses = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => browser.PostFormWithTokenAsync(invoice.Link, fields, antiforgery)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        Assert.Single(responses.Select(r => r.Headers.Location!.OriginalString).Distinct());
        Assert.Equal(1, fixture.Stripe.Account(invoice.SecretKey).SuccessfulChargeCount);
        Assert.Equal((1, 0L), await invoice.LedgerAsync());
    }

    [Fact]
    public async Task The_same_webhooks_ten_times_in_reverse_order_record_one_payment()
    {
        var invoice = await LinkedInvoice.CreateAsync(fixture);
        var account = fixture.Stripe.Account(invoice.SecretKey);
        var browser = fixture.App.CreateClient(invoice.Tenant.Host);
        var (fields, antiforgery) = await invoice.PayFormAsync(browser);
        // The charge is made but its answer is lost, so only the webhooks can tell us.
        account.FailNextRequests(1, FaultKind.HangAfterExecution, "/v1/payment_intents");
        // No answer: the customer is sent to the receipt page, which says the payment is not confirmed yet.
        Assert.Equal(HttpStatusCode.Redirect, (await browser.PostFormWithTokenAsync(invoice.Link, fields, antiforgery)).StatusCode);
        var events = account.Events().Select(e => e.Json).ToList();

        var responses = await Task.WhenAll(Enumerable.Range(0, 10).SelectMany(_ => Enumerable.Reverse(events)).Select(json => DeliverAsync(invoice, json)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal((1, 0L), await invoice.LedgerAsync());
        Assert.Equal(1, account.SuccessfulChargeCount);
        var attempt = await fixture.App.InTenantScopeAsync(invoice.Tenant.Name, sp =>
            sp.GetRequiredService<TenantDbContext>().Set<PaymentAttempt>().AsNoTracking().SingleAsync(a => a.CustomerId == invoice.CustomerId));
        Assert.Equal(PaymentStatus.Succeeded, attempt.Status);
    }

    [Fact]
    public async Task A_lost_answer_is_reconciled_once()
    {
        var invoice = await LinkedInvoice.CreateAsync(fixture);
        var account = fixture.Stripe.Account(invoice.SecretKey);
        var browser = fixture.App.CreateClient(invoice.Tenant.Host);
        var (fields, antiforgery) = await invoice.PayFormAsync(browser);
        account.FailNextRequests(1, FaultKind.HangAfterExecution, "/v1/payment_intents");
        // No answer: the customer is sent to the receipt page, which says the payment is not confirmed yet.
        Assert.Equal(HttpStatusCode.Redirect, (await browser.PostFormWithTokenAsync(invoice.Link, fields, antiforgery)).StatusCode);

        await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => fixture.App.Services.GetRequiredService<ReconciliationJob>().RunOnceAsync(CancellationToken.None)));

        Assert.Equal((1, 0L), await invoice.LedgerAsync());
        Assert.Equal(1, account.SuccessfulChargeCount);
    }

    private Task<HttpResponseMessage> DeliverAsync(LinkedInvoice invoice, string json)
    {
        var client = fixture.App.CreateClient(invoice.Tenant.Host);
        var request = new HttpRequestMessage(HttpMethod.Post, StripeWebhookEndpoint.Path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation("Stripe-Signature", StripeSignature.Sign(json, invoice.WebhookSecret, DateTimeOffset.UtcNow));
        return client.SendAsync(request);
    }
}
