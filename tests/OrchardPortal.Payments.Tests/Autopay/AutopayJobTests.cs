using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OrchardPortal.Core.Data;
using OrchardPortal.FakeStripe.State;
using OrchardPortal.Payments.Autopay.Models;
using OrchardPortal.Payments.Tests.Autopay.Infrastructure;

namespace OrchardPortal.Payments.Tests.Autopay;

/// <summary>The background job on one node: what is charged, when, and what happens when a charge fails or gets no answer.</summary>
public sealed class AutopayJobTests(SqliteAutopayApp app) : IClassFixture<SqliteAutopayApp>
{
    [Fact]
    public async Task An_invoice_that_is_not_due_yet_is_not_charged()
    {
        var shop = await AutopayTenant.CreateAsync(app);
        var customer = await AutopayCustomer.CreateAsync(shop, 1, 30);
        await customer.SubmitAutopayAsync(await customer.SaveCardAsync());

        var today = await shop.RunJobAsync();
        app.Clock.Advance(TimeSpan.FromDays(1));
        var tomorrow = await shop.RunJobAsync();

        Assert.Equal(0, today.Total);
        Assert.Equal(1, tomorrow.Paid);
        var charged = shop.SucceededChargesPerInvoice();
        Assert.Equal(1, charged.GetValueOrDefault(customer.InvoiceIds[0].ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.False(charged.ContainsKey(customer.InvoiceIds[1].ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task A_due_invoice_is_charged_once_off_session_recorded_and_the_autopay_receipt_is_emailed()
    {
        var shop = await AutopayTenant.CreateAsync(app);
        var customer = await AutopayCustomer.CreateAsync(shop, 3);
        await customer.SubmitAutopayAsync(await customer.SaveCardAsync());
        app.Clock.Advance(TimeSpan.FromDays(3));

        var first = await shop.RunJobAsync();
        var second = await shop.RunJobAsync();

        Assert.Equal(1, first.Paid);
        Assert.Equal(0, second.Total);
        var intent = Assert.Single(app.Stripe.Account(shop.SecretKey).PaymentIntents());
        Assert.Equal("succeeded", intent.Status);
        Assert.Equal(4_500, intent.Amount);
        Assert.Equal(1, app.Stripe.Account(shop.SecretKey).SuccessfulChargeCount);
        Assert.Contains(app.Stripe.Account(shop.SecretKey).Requests(), r => r.Path == "/v1/payment_intents" && r.IdempotencyKey?.StartsWith($"autopay:{customer.InvoiceIds[0]}:", StringComparison.Ordinal) == true);
        Assert.Equal((0L, 1), await customer.LedgerAsync());
        var mail = await app.Mail.WaitForMailAsync(m => m.IsFor(customer.Email) && m.Subject.Contains("paid automatically", StringComparison.Ordinal), TimeSpan.FromSeconds(30));
        Assert.Contains("$45.00", Assert.Single(mail).Subject, StringComparison.Ordinal);
        var page = WebUtility.HtmlDecode(await customer.Browser.GetStringAsync("/pay/autopay"));
        Assert.Contains("Paid", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_auto_charge_receipt_email_has_an_absolute_receipt_link_that_opens_the_receipt_for_the_signed_in_customer()
    {
        var shop = await AutopayTenant.CreateAsync(app);
        var customer = await AutopayCustomer.CreateAsync(shop, 1);
        await customer.SubmitAutopayAsync(await customer.SaveCardAsync());
        app.Clock.Advance(TimeSpan.FromDays(1));

        // The job runs without any HTTP request, as it does in the background service.
        Assert.Equal(1, (await shop.RunJobAsync()).Paid);

        var mail = Assert.Single(await app.Mail.WaitForMailAsync(m => m.IsFor(customer.Email) && m.Subject.Contains("paid automatically", StringComparison.Ordinal), TimeSpan.FromSeconds(30)));
        var href = System.Text.RegularExpressions.Regex.Match(mail.Html ?? "", "href=\"([^\"]*/pay/receipt/[^\"]*)\"").Groups[1].Value;
        Assert.True(Uri.TryCreate(WebUtility.HtmlDecode(href), UriKind.Absolute, out var link), $"The receipt link '{href}' is not absolute.");
        Assert.Equal(shop.Tenant.Host, link.Host);
        var receipt = await customer.Browser.GetAsync(link.PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, receipt.StatusCode);
        var page = await AutopayCustomer.PageAsync(receipt);
        Assert.Contains("Payment received", page, StringComparison.Ordinal);
        Assert.Contains("$45.00", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_declined_charge_emails_the_customer_tells_staff_records_nothing_and_waits_for_the_retry_interval()
    {
        var shop = await AutopayTenant.CreateAsync(app);
        var customer = await AutopayCustomer.CreateAsync(shop, 1);
        await customer.SubmitAutopayAsync(await customer.AttachCardAsync("pm_card_chargeCustomerFail"));
        app.Clock.Advance(TimeSpan.FromDays(1));

        var run = await shop.RunJobAsync();

        Assert.Equal(1, run.Failed);
        Assert.Equal((4_500L, 0), await customer.LedgerAsync());
        var mail = Assert.Single(await app.Mail.WaitForMailAsync(m => m.IsFor(customer.Email) && m.Subject.Contains("didn't go through", StringComparison.Ordinal), TimeSpan.FromSeconds(30)));
        Assert.Contains("We'll try again on", mail.Html ?? "", StringComparison.Ordinal);
        var owner = await shop.OwnerAsync();
        var admin = WebUtility.HtmlDecode(await owner.GetStringAsync("/admin/autopay"));
        Assert.Contains("Failed — will try again", admin, StringComparison.Ordinal);
        Assert.Contains("autopay charges need attention", WebUtility.HtmlDecode(await owner.GetStringAsync("/admin/payments")), StringComparison.Ordinal);

        // Not again before the tenant's interval (3 days), then once per interval, three tries in all.
        Assert.Equal(1, await IntentCountAsync(shop, customer));
        await shop.RunJobAsync();
        app.Clock.Advance(TimeSpan.FromDays(AutopayTenant.RetryDays) - TimeSpan.FromHours(1));
        await shop.RunJobAsync();
        Assert.Equal(1, await IntentCountAsync(shop, customer));
        app.Clock.Advance(TimeSpan.FromHours(2));
        Assert.Equal(1, (await shop.RunJobAsync()).Failed);
        Assert.Equal(2, await IntentCountAsync(shop, customer));
        app.Clock.Advance(TimeSpan.FromDays(AutopayTenant.RetryDays + 1));
        Assert.Equal(1, (await shop.RunJobAsync()).Failed);
        app.Clock.Advance(TimeSpan.FromDays(AutopayTenant.RetryDays + 1));
        Assert.Equal(0, (await shop.RunJobAsync()).Total);
        Assert.Equal(3, await IntentCountAsync(shop, customer));
        var charge = await app.InTenantAsync(shop.Tenant, sp => sp.GetRequiredService<TenantDbContext>().Set<AutopayCharge>().SingleAsync(c => c.CustomerId == customer.CustomerId));
        Assert.Equal(AutopayChargeStatus.Failed, charge.Status);
        Assert.Equal(3, charge.Attempts);
        // Days have passed on the clock, so the staff session of earlier has expired (12 hours): sign in again.
        owner = await shop.OwnerAsync();
        Assert.Contains("Failed — stopped trying", WebUtility.HtmlDecode(await owner.GetStringAsync("/admin/autopay")), StringComparison.Ordinal);
        Assert.Equal(0, (await customer.LedgerAsync()).Payments);
    }

    [Fact]
    public async Task A_charge_the_gateway_never_answered_is_asked_again_later_with_the_same_key_and_charged_once()
    {
        var shop = await AutopayTenant.CreateAsync(app);
        var customer = await AutopayCustomer.CreateAsync(shop, 1);
        var due = app.Clock.Today.AddDays(1);
        await customer.SubmitAutopayAsync(await customer.SaveCardAsync());
        app.Clock.Advance(TimeSpan.FromDays(1));
        // Every try of the first run (the client's own retries included) gets a 500 before Stripe does anything.
        app.Stripe.Account(shop.SecretKey).FailNextRequests(4, FaultKind.ServerErrorBeforeExecution, "/v1/payment_intents");

        var unanswered = await shop.RunJobAsync();
        var tooSoon = await shop.RunJobAsync();
        app.Clock.Advance(TimeSpan.FromMinutes(11));
        var later = await shop.RunJobAsync();

        Assert.Equal(1, unanswered.Summary.Count(Payments.Autopay.Job.AutopayOutcome.Unknown));
        Assert.Equal(0, tooSoon.Total);
        Assert.Equal(1, later.Paid);
        Assert.Equal(1, app.Stripe.Account(shop.SecretKey).SuccessfulChargeCount);
        var keys = app.Stripe.Account(shop.SecretKey).Requests().Where(r => r.Path == "/v1/payment_intents").Select(r => r.IdempotencyKey).Distinct().ToList();
        Assert.Equal([$"autopay:{customer.InvoiceIds[0]}:{due.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture)}:1"], keys);
        Assert.Equal((0L, 1), await customer.LedgerAsync());
        Assert.DoesNotContain(await app.Mail.GetAllAsync(), m => m.IsFor(customer.Email) && m.Subject.Contains("didn't go through", StringComparison.Ordinal));
    }

    private Task<int> IntentCountAsync(AutopayTenant shop, AutopayCustomer customer) =>
        Task.FromResult(app.Stripe.Account(shop.SecretKey).PaymentIntents().Count(p => p.Metadata.GetValueOrDefault("invoice_id") == customer.InvoiceIds[0].ToString(System.Globalization.CultureInfo.InvariantCulture)));
}
