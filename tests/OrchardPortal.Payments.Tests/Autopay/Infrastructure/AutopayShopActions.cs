using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OrchardPortal.Billing.Ledger;
using OrchardPortal.Billing.Services;
using OrchardPortal.Core.Data;
using OrchardPortal.FakeStripe.State;
using OrchardPortal.Payments.Autopay.Job;
using OrchardPortal.Payments.Autopay.Models;
using OrchardPortal.Payments.Webhooks;
using OrchardPortal.Web.Testing;

namespace OrchardPortal.Payments.Tests.Autopay.Infrastructure;

/// <summary>
/// What staff, Stripe and the job's first step do around an autopay run, for the batch tests: the run's planning
/// step on its own, an offline payment and a void through the invoice page, webhook deliveries, charge answers held.
/// </summary>
public static class AutopayShopActions
{
    /// <summary><paramref name="count"/> customers with one invoice each, who saved a card and turned autopay on.</summary>
    public static async Task<AutopayCustomer[]> EnrolledCustomersAsync(this AutopayTenant shop, int count)
    {
        var all = new AutopayCustomer[count];
        for (var i = 0; i < count; i++)
        {
            all[i] = await AutopayCustomer.CreateAsync(shop, 1);
            await all[i].SubmitAutopayAsync(await all[i].SaveCardAsync());
        }

        return all;
    }

    /// <summary>
    /// The run's first step (the planner) on its own, so tests can change things between planning and charging,
    /// as happens when staff or customers act while a run is under way. Returns how many charges were planned.
    /// </summary>
    public static Task<int> PlanAsync(this AutopayTenant shop) =>
        shop.App.InTenantAsync(shop.Tenant, async sp =>
            await sp.GetRequiredService<AutopayPlanner>().PlanAsync(await sp.GetRequiredService<BillingContext>().TodayAsync(CancellationToken.None), CancellationToken.None));

    /// <summary>Staff record a check for <paramref name="amount"/> on the invoice's page.</summary>
    public static async Task RecordCheckAsync(this AutopayTenant shop, HttpClient owner, long invoiceId, long amount)
    {
        var response = await owner.PostFormAsync(BillingPaths.Invoice(invoiceId) + "?action=payment",
        [
            new("Payment.Amount", (amount / 100m).ToString("0.00", CultureInfo.InvariantCulture)),
            new("Payment.Method", "check"),
            new("Payment.CheckNumber", "2214"),
            new("Payment.ReceivedDate", shop.App.Clock.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            new("Payment.Note", ""),
            new("Payment.Key", "staff:" + Guid.NewGuid().ToString("N")),
        ], BillingPaths.Invoice(invoiceId) + "?handler=Payment");
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Recording the check answered {response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>Staff void the invoice on its page.</summary>
    public static async Task VoidAsync(this AutopayTenant shop, HttpClient owner, long invoiceId)
    {
        var response = await owner.PostFormAsync(BillingPaths.Invoice(invoiceId) + "?action=void", [new("VoidReason", "Sent to the wrong customer")],
            BillingPaths.Invoice(invoiceId) + "?handler=Void");
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Voiding answered {response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>The owner adds the webhook signing secret in Payments settings (as after adding the endpoint in Stripe). Returns it.</summary>
    public static async Task<string> AddWebhookSecretAsync(this AutopayTenant shop)
    {
        var secret = "whsec_" + Guid.NewGuid().ToString("N");
        var owner = await shop.OwnerAsync();
        var response = await owner.PostFormAsync("/admin/payments",
        [
            new("Input.Gateway", "Stripe"),
            new("Input.SecretKey", shop.SecretKey),
            new("Input.PublishableKey", "pk_test_" + Guid.NewGuid().ToString("N")),
            new("Input.WebhookSecret", secret),
            new("Input.MinimumPayment", "1.00"),
            new("Input.AutopayRetryIntervalDays", AutopayTenant.RetryDays.ToString(CultureInfo.InvariantCulture)),
        ]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return secret;
    }

    /// <summary>Stripe delivers the <c>payment_intent.succeeded</c> event of the invoice's charge to the tenant's endpoint.</summary>
    public static async Task DeliverSucceededEventAsync(this AutopayTenant shop, string webhookSecret, long invoiceId)
    {
        var account = shop.App.Stripe.Account(shop.SecretKey);
        var intent = Assert.Single(account.PaymentIntents(), p => p.Metadata.GetValueOrDefault("invoice_id") == invoiceId.ToString(CultureInfo.InvariantCulture));
        var stripeEvent = Assert.Single(account.Events(), e => e.Type == "payment_intent.succeeded" && e.ObjectId == intent.Id);
        var client = shop.App.CreateClient(shop.Tenant.Host);
        using var request = new HttpRequestMessage(HttpMethod.Post, StripeWebhookEndpoint.Path)
        {
            Content = new StringContent(stripeEvent.Json, Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("Stripe-Signature", StripeSignature.Sign(stripeEvent.Json, webhookSecret, shop.App.Clock.GetUtcNow()));
        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode && body.Contains("handled", StringComparison.Ordinal), $"The webhook answered {response.StatusCode}: {body}");
    }

    /// <summary>
    /// Stripe carries out the next <paramref name="count"/> charge requests but their answers never come back: the
    /// client gives up after its request timeout (30 s) and asks again with the same key, getting the saved answer.
    /// </summary>
    public static void HoldNextChargeAnswers(this AutopayTenant shop, int count) =>
        shop.App.Stripe.Account(shop.SecretKey).FailNextRequests(count, FaultKind.HangAfterExecution, "/v1/payment_intents");

    /// <summary>Waits until Stripe has carried out <paramref name="count"/> successful charges (their answers may still be held).</summary>
    public static async Task WaitForStripeChargesAsync(this AutopayTenant shop, int count)
    {
        var account = shop.App.Stripe.Account(shop.SecretKey);
        for (var waited = TimeSpan.Zero; account.SuccessfulChargeCount < count; waited += TimeSpan.FromMilliseconds(50))
        {
            Assert.True(waited < TimeSpan.FromSeconds(20), $"Stripe made {account.SuccessfulChargeCount} of {count} charges.");
            await Task.Delay(50);
        }
    }

    /// <summary>The invoice of the first charge Stripe made (its answer may still be held).</summary>
    public static long FirstChargedInvoice(this AutopayTenant shop)
    {
        var account = shop.App.Stripe.Account(shop.SecretKey);
        var intent = account.PaymentIntents().First(p => p.Status == "succeeded");
        return long.Parse(intent.Metadata["invoice_id"], CultureInfo.InvariantCulture);
    }

    /// <summary>The job's charge rows, by invoice id.</summary>
    public static Task<Dictionary<long, AutopayCharge>> ChargesByInvoiceAsync(this AutopayTenant shop) =>
        shop.App.InTenantAsync(shop.Tenant, sp => sp.GetRequiredService<TenantDbContext>().Set<AutopayCharge>().AsNoTracking().ToDictionaryAsync(c => c.InvoiceId));

    /// <summary>The invoice's status label and what it has been paid, as the ledger says.</summary>
    public static Task<(Billing.Models.InvoiceStatus Status, long Paid, long Balance)> InvoiceAsync(this AutopayTenant shop, long invoiceId) =>
        shop.App.InTenantAsync(shop.Tenant, async sp =>
        {
            var invoice = (await sp.GetRequiredService<BillingLedger>().InvoicesAsync([invoiceId], CancellationToken.None))[invoiceId];
            return (invoice.Status, invoice.AmountPaid, invoice.Balance);
        });

    /// <summary>How many requests to Stripe carried each idempotency key (a replay after a fallback counts again).</summary>
    public static int KeyUses(this AutopayTenant shop, string key) =>
        shop.App.Stripe.Account(shop.SecretKey).IdempotencyKeyUses().GetValueOrDefault(key);

    /// <summary>Waits until maildev holds <paramref name="count"/> auto-charge receipts for <paramref name="email"/> (mail is delivered from the outbox a moment later).</summary>
    public static async Task WaitForReceiptsAsync(this AutopayTenant shop, string email, int count)
    {
        for (var waited = TimeSpan.Zero; ; waited += TimeSpan.FromMilliseconds(200))
        {
            var receipts = (await shop.App.Mail.GetAllAsync()).Count(m => m.IsFor(email) && m.Subject.Contains("paid automatically", StringComparison.Ordinal));
            if (receipts >= count)
            {
                return;
            }

            Assert.True(waited < TimeSpan.FromSeconds(30), $"{receipts} of {count} auto-charge receipts reached {email}.");
            await Task.Delay(200);
        }
    }
}
