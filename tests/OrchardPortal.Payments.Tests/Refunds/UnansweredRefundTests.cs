using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using OrchardPortal.Billing.Ledger;
using OrchardPortal.Billing.Services;
using OrchardPortal.FakeStripe.State;
using OrchardPortal.Payments.Tests.Infrastructure;
using OrchardPortal.Web.Testing;

namespace OrchardPortal.Payments.Tests.Refunds;

/// <summary>
/// Staff refund a card payment and Stripe gives no answer (its 500s outlast the client's retries, or the refund is
/// made and the answer is lost). Staff are told the outcome is not known and that sending the same form again is
/// safe; sending it again refunds the money exactly once, at Stripe and in the ledger.
/// </summary>
public sealed partial class UnansweredRefundTests(UnansweredRefundTests.App fixture) : IClassFixture<UnansweredRefundTests.App>
{
    // The client's first try and its three retries (Payments:Stripe:MaxRetries defaults to 3).
    private const int TriesPerRequest = 4;

    [Theory]
    [InlineData(FaultKind.ServerErrorBeforeExecution)]
    [InlineData(FaultKind.HangAfterExecution)]
    public async Task A_refund_stripe_does_not_answer_says_so_and_sending_the_same_form_again_refunds_once(FaultKind fault)
    {
        var app = fixture.Payments;
        var stripe = await StripeTenant.CreateAsync(app);
        var payer = await Payer.CreateAsync(app, stripe.Tenant);
        Assert.Equal(HttpStatusCode.Redirect, (await payer.PayAsync([payer.InvoiceIds[0]], "125.00", [new("method", "card"), new("payment_method_id", "pm_card_visa")])).StatusCode);
        var paymentId = await app.InTenantAsync(stripe.Tenant, async sp => Assert.Single(await sp.GetRequiredService<BillingLedger>().PaymentsAsync(payer.CustomerId, CancellationToken.None)).Id);
        var staff = await app.SignInAsync(stripe.Tenant);
        var url = BillingPaths.Payment(payer.CustomerId, paymentId);
        var page = await staff.GetStringAsync(url);
        var key = KeyOf(page);
        var account = app.Stripe.Account(stripe.SecretKey);
        account.FailNextRequests(TriesPerRequest, fault, "/v1/refunds");

        var first = await staff.PostFormAsync(url, [new("Key", key), new("Amount", "40.00"), new("Reason", "Missed a visit")]);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var shown = WebUtility.HtmlDecode(await first.Content.ReadAsStringAsync());
        Assert.Contains("not known yet whether the refund went through", shown, StringComparison.Ordinal);
        Assert.DoesNotContain("Nothing was refunded", shown, StringComparison.Ordinal);
        Assert.Equal(KeyOf(page), KeyOf(shown));
        Assert.Equal(0, await RefundedAsync(app, stripe, paymentId));

        var again = await staff.PostFormAsync(url, [new("Key", key), new("Amount", "40.00"), new("Reason", "Missed a visit")]);

        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(4_000, Assert.Single(account.Charges(), c => c.Status == "succeeded").AmountRefunded);
        Assert.Equal(4_000, await RefundedAsync(app, stripe, paymentId));
        Assert.Equal(4_000, await payer.BalanceAsync() - 6_000);
    }

    private static string KeyOf(string html) => KeyField().Match(html) is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException("The refund form has no key.");

    [GeneratedRegex("name=\"Key\" value=\"([^\"]+)\"")]
    private static partial Regex KeyField();

    private static Task<long> RefundedAsync(PaymentsApp app, StripeTenant stripe, long paymentId) =>
        app.InTenantAsync(stripe.Tenant, async sp => (await sp.GetRequiredService<BillingLedger>().RefundsAsync(paymentId, CancellationToken.None)).Sum(r => r.Amount));

    /// <summary>Stripe requests give up after one second, so a lost answer (a hang) is quick to produce.</summary>
    public sealed class App : IAsyncLifetime
    {
        public PaymentsApp Payments { get; } = new(new Dictionary<string, string?> { ["Payments:Stripe:RequestTimeout"] = "00:00:01" });

        public Task InitializeAsync() => Payments.InitializeAsync();

        public Task DisposeAsync() => Payments.DisposeAsync();
    }
}
