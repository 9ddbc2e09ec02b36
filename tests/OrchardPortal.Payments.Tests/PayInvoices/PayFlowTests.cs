using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OrchardPortal.Core.Data;
using OrchardPortal.Payments.Gateways.Sandbox;
using OrchardPortal.Payments.Tests.Infrastructure;
using OrchardPortal.Web.Testing;

namespace OrchardPortal.Payments.Tests.PayInvoices;

/// <summary>A customer paying invoices in the portal of a tenant on the Sandbox gateway.</summary>
public sealed class PayFlowTests(PaymentsApp app) : IClassFixture<PaymentsApp>
{
    [Fact]
    public async Task Paying_an_invoice_with_the_test_card_records_it_shows_the_receipt_and_emails_it()
    {
        var payer = await Payer.CreateAsync(app, await app.CreateTenantAsync());

        var response = await payer.PayAsync([payer.InvoiceIds[0]], "125.00", Payer.Card("4242 4242 4242 4242"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var receipt = await payer.Browser.GetStringAsync(response.Headers.Location!.OriginalString);
        Assert.Contains("Payment received", receipt, StringComparison.Ordinal);
        Assert.Contains("Visa •••• 4242", receipt, StringComparison.Ordinal);
        Assert.Contains("Test mode — no real money moves", receipt, StringComparison.Ordinal);
        Assert.Equal(6_000, await payer.BalanceAsync());
        var mail = await app.Mail.WaitForMailAsync(m => m.IsFor(payer.Email) && m.Subject.Contains("payment", StringComparison.OrdinalIgnoreCase), TimeSpan.FromSeconds(30));
        Assert.Contains("$125.00", mail.Single(m => m.Subject.Contains("payment", StringComparison.OrdinalIgnoreCase)).Subject, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_declined_card_shows_why_offers_a_retry_and_records_nothing()
    {
        var payer = await Payer.CreateAsync(app, await app.CreateTenantAsync());

        var response = await payer.PayAsync([payer.InvoiceIds[0]], "125.00", Payer.Card("4000 0000 0000 9995"));

        Assert.Equal(HttpStatusCode.PaymentRequired, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("Your payment didn’t go through", html, StringComparison.Ordinal);
        Assert.Contains("insufficient funds", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/account/update-information\"", html, StringComparison.Ordinal);
        Assert.Contains("Try again", html, StringComparison.Ordinal);
        Assert.Equal(18_500, await payer.BalanceAsync());
        Assert.Equal(0, await payer.PaymentCountAsync());
    }

    [Fact]
    public async Task Fifty_concurrent_submits_of_one_form_charge_and_record_once()
    {
        var payer = await Payer.CreateAsync(app, await app.CreateTenantAsync());
        var page = await payer.Browser.GetStringAsync($"/pay?invoice={payer.InvoiceIds[0]}");
        var fields = Payer.FormOf(page, "125.00", Payer.Card("4242424242424242"));
        var token = FormPosting.AntiforgeryToken(page);

        var responses = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => payer.Browser.PostFormWithTokenAsync("/pay", fields, token)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        Assert.Single(responses.Select(r => r.Headers.Location!.OriginalString).Distinct());
        Assert.Equal(1, await app.InTenantAsync(payer.Tenant, sp => sp.GetRequiredService<TenantDbContext>().Set<SandboxPayment>().CountAsync()));
        Assert.Equal(1, await payer.PaymentCountAsync());
        Assert.Equal(6_000, await payer.BalanceAsync());
    }

    [Fact]
    public async Task Sending_the_pay_form_again_after_its_payment_was_recorded_shows_the_same_receipt()
    {
        var payer = await Payer.CreateAsync(app, await app.CreateTenantAsync());
        var page = await payer.Browser.GetStringAsync($"/pay?invoice={payer.InvoiceIds[0]}");
        var fields = Payer.FormOf(page, "125.00", Payer.Card("4242424242424242"));
        var token = FormPosting.AntiforgeryToken(page);
        var first = await payer.Browser.PostFormWithTokenAsync("/pay", fields, token);
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);

        // The invoice no longer owes anything; the same form is still the payment it made, not a new one.
        var again = await payer.Browser.PostFormWithTokenAsync("/pay", fields, token);

        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(first.Headers.Location, again.Headers.Location);
        Assert.Equal(1, await app.InTenantAsync(payer.Tenant, sp => sp.GetRequiredService<TenantDbContext>().Set<SandboxPayment>().CountAsync()));
        Assert.Equal(1, await payer.PaymentCountAsync());
        Assert.Equal(6_000, await payer.BalanceAsync());
    }

    [Fact]
    public async Task Fifty_concurrent_pay_now_requests_through_stripe_make_exactly_one_charge()
    {
        var stripe = await StripeTenant.CreateAsync(app);
        var payer = await Payer.CreateAsync(app, stripe.Tenant);
        var page = await payer.Browser.GetStringAsync($"/pay?invoice={payer.InvoiceIds[0]}");
        // The browser's Payment Element made one pm_… for the form; every submit carries it.
        var fields = Payer.FormOf(page, "125.00", [new("method", "card"), new("payment_method_id", "pm_card_visa")]);
        var token = FormPosting.AntiforgeryToken(page);

        var responses = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => payer.Browser.PostFormWithTokenAsync("/pay", fields, token)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        Assert.Equal(1, app.Stripe.Account(stripe.SecretKey).SuccessfulChargeCount);
        Assert.Single(app.Stripe.Account(stripe.SecretKey).PaymentIntents());
        Assert.Equal(1, await payer.PaymentCountAsync());
        Assert.Equal(6_000, await payer.BalanceAsync());
    }

    [Theory]
    [InlineData("185.01")]
    [InlineData("1000000")]
    [InlineData("-5")]
    [InlineData("abc")]
    public async Task An_amount_above_the_balance_or_not_an_amount_is_refused_and_nothing_is_charged(string amount)
    {
        var payer = await Payer.CreateAsync(app, await app.CreateTenantAsync());

        var response = await payer.PayAsync(payer.InvoiceIds, amount, Payer.Card("4242424242424242"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("pay-amount-error", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await app.InTenantAsync(payer.Tenant, sp => sp.GetRequiredService<TenantDbContext>().Set<SandboxPayment>().CountAsync()));
        Assert.Equal(18_500, await payer.BalanceAsync());
    }

    [Fact]
    public async Task A_partial_payment_is_applied_and_one_below_the_minimum_is_refused()
    {
        var payer = await Payer.CreateAsync(app, await app.CreateTenantAsync());

        var tooSmall = await payer.PayAsync(payer.InvoiceIds, "0.50", Payer.Card("4242424242424242"));
        var partial = await payer.PayAsync(payer.InvoiceIds, "100.00", Payer.Card("4242424242424242"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, tooSmall.StatusCode);
        Assert.Contains("smallest payment", WebUtility.HtmlDecode(await tooSmall.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, partial.StatusCode);
        Assert.Equal(8_500, await payer.BalanceAsync());
    }

    [Fact]
    public async Task Another_customers_invoice_cannot_be_opened_or_paid()
    {
        var tenant = await app.CreateTenantAsync();
        var payer = await Payer.CreateAsync(app, tenant, "pat");
        var other = await Payer.CreateAsync(app, tenant, "sam");
        var page = await payer.Browser.GetStringAsync($"/pay?invoice={payer.InvoiceIds[0]}");
        var fields = Payer.FormOf(page, "125.00", Payer.Card("4242424242424242"))
            .Select(f => f.Key == "invoice" ? new KeyValuePair<string, string>("invoice", other.InvoiceIds[0].ToString(System.Globalization.CultureInfo.InvariantCulture)) : f).ToList();

        var opened = await payer.Browser.GetAsync($"/pay?invoice={other.InvoiceIds[0]}");
        var posted = await payer.Browser.PostFormWithTokenAsync("/pay", fields, FormPosting.AntiforgeryToken(page));

        Assert.Equal(HttpStatusCode.NotFound, opened.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, posted.StatusCode);
        Assert.Equal(18_500, await other.BalanceAsync());
        Assert.Equal(0, await app.InTenantAsync(tenant, sp => sp.GetRequiredService<TenantDbContext>().Set<SandboxPayment>().CountAsync()));
    }

    [Fact]
    public async Task A_card_needing_authentication_is_paid_once_the_customer_completes_it()
    {
        var payer = await Payer.CreateAsync(app, await app.CreateTenantAsync());

        var response = await payer.PayAsync([payer.InvoiceIds[1]], "60.00", Payer.Card("4000 0025 0000 3155"));
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Complete authentication", html, StringComparison.Ordinal);
        Assert.Equal(18_500, await payer.BalanceAsync());
        var action = System.Text.RegularExpressions.Regex.Match(html, "action=\"(/pay/authenticate/[^\"]+)\"").Groups[1].Value;
        var secret = System.Text.RegularExpressions.Regex.Match(html, "name=\"client_secret\" value=\"([^\"]+)\"").Groups[1].Value;
        var done = await payer.Browser.PostFormWithTokenAsync(action, [new("client_secret", secret), new("outcome", "complete")], FormPosting.AntiforgeryToken(html));

        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Contains("Payment received", await payer.Browser.GetStringAsync(done.Headers.Location!.OriginalString), StringComparison.Ordinal);
        Assert.Equal(12_500, await payer.BalanceAsync());
    }

    [Fact]
    public async Task Someone_not_signed_in_is_sent_to_sign_in_and_cannot_see_a_receipt()
    {
        var payer = await Payer.CreateAsync(app, await app.CreateTenantAsync());
        var paid = await payer.PayAsync([payer.InvoiceIds[0]], "125.00", Payer.Card("4242424242424242"));
        var stranger = app.CreateClient(payer.Tenant.Host);

        var pay = await stranger.GetAsync($"/pay?invoice={payer.InvoiceIds[0]}");
        var receipt = await stranger.GetAsync(paid.Headers.Location!.OriginalString);

        Assert.Equal(HttpStatusCode.Redirect, pay.StatusCode);
        Assert.StartsWith("/sign-in", pay.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, receipt.StatusCode);
    }
}
