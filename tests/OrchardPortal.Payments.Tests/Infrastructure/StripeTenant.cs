using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using OrchardPortal.Billing.Invoices;
using OrchardPortal.Billing.Ledger;
using OrchardPortal.Billing.Services;
using OrchardPortal.Customers.Services;
using OrchardPortal.Payments.Attempts;
using OrchardPortal.Payments.Gateways;
using PaymentRequest = OrchardPortal.Payments.Gateways.PaymentRequest;
using PaymentMethodKind = OrchardPortal.Payments.Gateways.PaymentMethodKind;
using PaymentResult = OrchardPortal.Payments.Gateways.PaymentResult;
using OrchardPortal.Payments.Webhooks;
using OrchardPortal.Web.Testing;

namespace OrchardPortal.Payments.Tests.Infrastructure;

/// <summary>A tenant whose owner connected Stripe (the fake) in the admin, with helpers to pay and to deliver webhooks.</summary>
public sealed record StripeTenant(PaymentsApp App, TenantHandle Tenant, string SecretKey, string WebhookSecret)
{
    public static async Task<StripeTenant> CreateAsync(PaymentsApp app)
    {
        var tenant = await app.CreateTenantAsync();
        var key = FakeStripeFixture.NewKey();
        var webhookSecret = "whsec_" + Guid.NewGuid().ToString("N");
        var owner = await app.SignInAsync(tenant);
        var response = await owner.PostFormAsync("/admin/payments",
        [
            new("Input.Gateway", "Stripe"),
            new("Input.SecretKey", key),
            new("Input.PublishableKey", "pk_test_" + Guid.NewGuid().ToString("N")),
            new("Input.WebhookSecret", webhookSecret),
            new("Input.MinimumPayment", "1.00"),
            new("Input.AutopayRetryIntervalDays", "3"),
        ]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return new StripeTenant(app, tenant, key, webhookSecret);
    }

    /// <summary>
    /// Staff add a customer with one 25.00 invoice; an attempt for it is started and charged through the tenant's
    /// gateway, but the answer is not applied — as if the process died right after Stripe charged — so only
    /// webhooks can tell the attempt (and the ledger) what happened.
    /// </summary>
    public Task<Charged> ChargeWithoutRecordingAsync(string method, PaymentMethodKind kind = PaymentMethodKind.Card) =>
        App.InTenantAsync(Tenant, async sp =>
        {
            var created = await sp.GetRequiredService<CustomerService>().CreateAsync(new CustomerDetails { FirstName = "Robin", LastName = "Hale" }, CancellationToken.None);
            Assert.True(created.Succeeded, string.Join("; ", created.Errors.Values));
            var invoices = sp.GetRequiredService<InvoiceService>();
            var today = TenantDate.Today;
            var invoice = await invoices.CreateAsync(new DocumentDraft
            {
                CustomerId = created.CustomerId,
                IssueDate = today,
                EndDate = today.AddDays(14),
                Lines = [new LineDraft { Description = "Hedge trimming", Quantity = 1, UnitPrice = 2500 }],
            }, CancellationToken.None);
            Assert.True((await invoices.IssueAsync(invoice.Id, CancellationToken.None)).Succeeded);

            var gateway = await sp.GetRequiredService<PaymentGatewayResolver>().GetAsync(CancellationToken.None);
            var (attempt, _) = await sp.GetRequiredService<PaymentAttemptService>().StartAsync(
                new NewPaymentAttempt("pay:" + Guid.NewGuid().ToString("N"), created.CustomerId, gateway.Kind, kind, 2500, "USD", [new AttemptAllocation(invoice.Id, 2500)]), CancellationToken.None);
            var customer = await gateway.EnsureCustomerAsync(new GatewayCustomerRequest(created.CustomerId, "Robin Hale", null, "customer:" + created.CustomerId), CancellationToken.None);
            var result = await gateway.CreatePaymentAsync(new PaymentRequest
            {
                IdempotencyKey = attempt!.IdempotencyKey,
                Amount = attempt.Amount,
                Currency = attempt.Currency,
                GatewayCustomerId = customer,
                PaymentMethodId = method,
                Kind = kind,
                CustomerIpAddress = "203.0.113.9",
                Metadata = new Dictionary<string, string> { ["attempt_id"] = attempt.Id },
            }, CancellationToken.None);
            return new Charged(attempt.Id, created.CustomerId, result);
        });

    /// <summary>The customer's payments in the ledger and what they still owe.</summary>
    public Task<(int Payments, long Balance)> LedgerAsync(long customerId) =>
        App.InTenantAsync(Tenant, async sp =>
        {
            var ledger = sp.GetRequiredService<BillingLedger>();
            return ((await ledger.PaymentsAsync(customerId, CancellationToken.None)).Count, await ledger.GetBalanceAsync(customerId, CancellationToken.None));
        });

    public Task<PaymentAttempt> AttemptAsync(string attemptId) =>
        App.InTenantAsync(Tenant, async sp => (await sp.GetRequiredService<PaymentAttemptService>().FindAsync(attemptId, CancellationToken.None))!);

    /// <summary>The fake account's events as Stripe would POST them, newest last.</summary>
    public IReadOnlyList<(string Id, string Type, string Json)> Events() =>
        [.. App.Stripe.Account(SecretKey).Events().Select(e => (e.Id, e.Type, e.Json))];

    /// <summary>POSTs one event to the tenant's webhook endpoint, signed with <paramref name="secret"/> (the tenant's by default).</summary>
    public async Task<HttpResponseMessage> DeliverAsync(string json, string? secret = null, DateTimeOffset? signedAt = null)
    {
        var client = App.CreateClient(Tenant.Host);
        using var request = new HttpRequestMessage(HttpMethod.Post, StripeWebhookEndpoint.Path)
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("Stripe-Signature", StripeSignature.Sign(json, secret ?? WebhookSecret, signedAt ?? DateTimeOffset.UtcNow));
        return await client.SendAsync(request);
    }
}

/// <summary>An attempt charged at the gateway but not yet applied, for a customer who owed 25.00.</summary>
public sealed record Charged(string AttemptId, long CustomerId, PaymentResult Result);
