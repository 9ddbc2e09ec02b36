using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OrchardPortal.Core.Data;
using OrchardPortal.FakeStripe.State;
using OrchardPortal.Payments.Attempts;
using OrchardPortal.Payments.Gateways;
using OrchardPortal.Payments.Reconciliation;
using OrchardPortal.Payments.Tests.Infrastructure;
using OrchardPortal.Web.Testing;

namespace OrchardPortal.Payments.Tests.PayInvoices;

/// <summary>
/// Stripe keeps answering 500 to a portal payment (every retry of the client too): the customer is told the
/// outcome is not known yet and that they won't be charged twice, and reconciliation later records it once.
/// </summary>
public sealed class UnansweredChargeTests(UnansweredChargeTests.App fixture) : IClassFixture<UnansweredChargeTests.App>
{
    // The client's first try and its three retries (Payments:Stripe:MaxRetries defaults to 3).
    private const int TriesPerCharge = 4;

    [Fact]
    public async Task A_charge_stripe_answers_with_500s_shows_it_is_not_confirmed_yet_and_reconciliation_records_it_once()
    {
        var app = fixture.Payments;
        var stripe = await StripeTenant.CreateAsync(app);
        var payer = await Payer.CreateAsync(app, stripe.Tenant);
        var page = await payer.Browser.GetStringAsync($"/pay?invoice={payer.InvoiceIds[0]}");
        var fields = Payer.FormOf(page, "125.00", [new("method", "card"), new("payment_method_id", "pm_card_visa")]);
        var account = app.Stripe.Account(stripe.SecretKey);
        account.FailNextRequests(TriesPerCharge, FaultKind.ServerErrorBeforeExecution, "/v1/payment_intents");

        var posted = await payer.Browser.PostFormWithTokenAsync("/pay", fields, FormPosting.AntiforgeryToken(page));

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var receiptPath = posted.Headers.Location!.OriginalString;
        Assert.StartsWith("/pay/receipt/", receiptPath, StringComparison.Ordinal);
        var receipt = await payer.Browser.GetAsync(receiptPath);
        Assert.Equal(HttpStatusCode.OK, receipt.StatusCode);
        var text = WebUtility.HtmlDecode(await receipt.Content.ReadAsStringAsync());
        Assert.Contains("Payment not confirmed yet", text, StringComparison.Ordinal);
        Assert.Contains("you won’t be charged twice", text, StringComparison.Ordinal);
        Assert.Contains("email you a receipt", text, StringComparison.Ordinal);
        Assert.DoesNotContain("didn’t go through", text, StringComparison.Ordinal);
        Assert.DoesNotContain("declined", text, StringComparison.OrdinalIgnoreCase);
        var attempt = Assert.Single(await AttemptsAsync(payer));
        Assert.Equal(PaymentStatus.Pending, attempt.Status);
        Assert.Equal(0, account.SuccessfulChargeCount);
        Assert.Equal(0, await payer.PaymentCountAsync());

        // Stripe is well again (the injected faults are used up); the reconciliation pass sends the saved request with its key.
        var first = await fixture.Payments.Services.GetRequiredService<ReconciliationJob>().RunOnceAsync(CancellationToken.None);
        var second = await fixture.Payments.Services.GetRequiredService<ReconciliationJob>().RunOnceAsync(CancellationToken.None);

        Assert.True(first.Moved >= 1, first.ToString());
        Assert.Equal(0, second.Moved);
        Assert.Equal(1, account.SuccessfulChargeCount);
        Assert.Equal(1, await payer.PaymentCountAsync());
        Assert.Equal(6_000, await payer.BalanceAsync());
        Assert.Equal(PaymentStatus.Succeeded, Assert.Single(await AttemptsAsync(payer)).Status);
        Assert.Contains("Payment received", WebUtility.HtmlDecode(await payer.Browser.GetStringAsync(receiptPath)), StringComparison.Ordinal);
        var mail = await app.Mail.WaitForMailAsync(m => m.IsFor(payer.Email) && m.Subject.Contains("Thanks for your payment", StringComparison.Ordinal), TimeSpan.FromSeconds(30));
        Assert.Contains(receiptPath, Assert.Single(mail).Html ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submitting_the_same_form_again_while_stripe_still_fails_makes_no_second_attempt()
    {
        var app = fixture.Payments;
        var stripe = await StripeTenant.CreateAsync(app);
        var payer = await Payer.CreateAsync(app, stripe.Tenant);
        var page = await payer.Browser.GetStringAsync($"/pay?invoice={payer.InvoiceIds[0]}");
        var fields = Payer.FormOf(page, "125.00", [new("method", "card"), new("payment_method_id", "pm_card_visa")]);
        app.Stripe.Account(stripe.SecretKey).FailNextRequests(2 * TriesPerCharge, FaultKind.ServerErrorBeforeExecution, "/v1/payment_intents");

        var first = await payer.Browser.PostFormWithTokenAsync("/pay", fields, FormPosting.AntiforgeryToken(page));
        var again = await payer.Browser.PostFormWithTokenAsync("/pay", fields, FormPosting.AntiforgeryToken(page));

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(first.Headers.Location, again.Headers.Location);
        Assert.Single(await AttemptsAsync(payer));
        Assert.Equal(0, app.Stripe.Account(stripe.SecretKey).SuccessfulChargeCount);
    }

    private Task<List<PaymentAttempt>> AttemptsAsync(Payer payer) =>
        fixture.Payments.InTenantAsync(payer.Tenant, sp =>
            sp.GetRequiredService<TenantDbContext>().Set<PaymentAttempt>().AsNoTracking().Where(a => a.CustomerId == payer.CustomerId).ToListAsync());

    /// <summary>The payments app with the reconciliation job off (the test runs its pass) and attempts of any age reconciled.</summary>
    public sealed class App : IAsyncLifetime
    {
        public PaymentsApp Payments { get; } = new(new Dictionary<string, string?>
        {
            ["Payments:Reconciliation:JobEnabled"] = "false",
            ["Payments:Reconciliation:MinimumAge"] = "00:00:00",
        });

        public Task InitializeAsync() => Payments.InitializeAsync();

        public Task DisposeAsync() => Payments.DisposeAsync();
    }
}
