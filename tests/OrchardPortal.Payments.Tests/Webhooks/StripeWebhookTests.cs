using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OrchardPortal.Core.Data;
using OrchardPortal.Payments.Gateways;
using OrchardPortal.Payments.Tests.Infrastructure;
using OrchardPortal.Payments.Webhooks;

namespace OrchardPortal.Payments.Tests.Webhooks;

/// <summary>The tenant's Stripe webhook endpoint in the real host, fed the fake Stripe server's real events.</summary>
public sealed class StripeWebhookTests(PaymentsApp app) : IClassFixture<PaymentsApp>
{
    [Fact]
    public async Task A_payment_whose_answer_was_lost_is_recorded_from_the_webhook()
    {
        var stripe = await StripeTenant.CreateAsync(app);
        var charged = await stripe.ChargeWithoutRecordingAsync("pm_card_visa");
        var attemptId = charged.AttemptId;
        Assert.Equal(PaymentStatus.Pending, (await stripe.AttemptAsync(attemptId)).Status);

        foreach (var (_, _, json) in stripe.Events())
        {
            Assert.Equal(HttpStatusCode.OK, (await stripe.DeliverAsync(json)).StatusCode);
        }

        var attempt = await stripe.AttemptAsync(attemptId);
        Assert.Equal(PaymentStatus.Succeeded, attempt.Status);
        Assert.NotNull(attempt.RecordedUtc);
        Assert.Equal((1, 0L), await stripe.LedgerAsync(charged.CustomerId));
    }

    [Fact]
    public async Task The_same_events_delivered_ten_times_in_reverse_order_record_one_payment()
    {
        var stripe = await StripeTenant.CreateAsync(app);
        var charged = await stripe.ChargeWithoutRecordingAsync("pm_card_visa");
        var attemptId = charged.AttemptId;
        var events = stripe.Events();

        var deliveries = Enumerable.Range(0, 10).SelectMany(_ => events.Reverse()).Select(e => stripe.DeliverAsync(e.Json));
        var responses = await Task.WhenAll(deliveries);

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(PaymentStatus.Succeeded, (await stripe.AttemptAsync(attemptId)).Status);
        Assert.Equal((1, 0L), await stripe.LedgerAsync(charged.CustomerId));
        Assert.Equal(events.Count, await app.InTenantAsync(stripe.Tenant, sp => sp.GetRequiredService<TenantDbContext>().Set<WebhookEvent>().CountAsync()));
    }

    [Fact]
    public async Task A_late_processing_event_does_not_move_a_settled_debit_back()
    {
        var stripe = await StripeTenant.CreateAsync(app);
        var charged = await stripe.ChargeWithoutRecordingAsync("pm_usBankAccount", PaymentMethodKind.BankAccount);
        var attemptId = charged.AttemptId;
        Assert.IsType<PaymentProcessing>(charged.Result);
        app.Stripe.Account(stripe.SecretKey).SettlePendingAch();
        var events = stripe.Events();
        var succeeded = events.Single(e => e.Type == "payment_intent.succeeded");
        var processing = events.Single(e => e.Type == "payment_intent.processing");

        await stripe.DeliverAsync(succeeded.Json);
        await stripe.DeliverAsync(processing.Json);

        Assert.Equal(PaymentStatus.Succeeded, (await stripe.AttemptAsync(attemptId)).Status);
        Assert.Equal((1, 0L), await stripe.LedgerAsync(charged.CustomerId));
    }

    [Fact]
    public async Task A_declined_payment_is_marked_failed_with_its_reason_and_not_recorded()
    {
        var stripe = await StripeTenant.CreateAsync(app);
        var charged = await stripe.ChargeWithoutRecordingAsync("pm_card_chargeDeclinedInsufficientFunds");
        var attemptId = charged.AttemptId;

        foreach (var (_, _, json) in stripe.Events())
        {
            await stripe.DeliverAsync(json);
        }

        var attempt = await stripe.AttemptAsync(attemptId);
        Assert.Equal((PaymentStatus.Failed, "insufficient_funds"), (attempt.Status, attempt.FailureCode));
        Assert.Equal((0, 2500L), await stripe.LedgerAsync(charged.CustomerId));
    }

    [Theory]
    [InlineData("wrong-secret")]
    [InlineData("stale")]
    [InlineData("tampered")]
    public async Task A_bad_signature_is_refused_with_problem_details_and_changes_nothing(string how)
    {
        var stripe = await StripeTenant.CreateAsync(app);
        var charged = await stripe.ChargeWithoutRecordingAsync("pm_card_visa");
        var attemptId = charged.AttemptId;
        var json = stripe.Events().Single(e => e.Type == "payment_intent.succeeded").Json;

        var response = how switch
        {
            "wrong-secret" => await stripe.DeliverAsync(json, secret: "whsec_not_this_tenants"),
            "stale" => await stripe.DeliverAsync(json, signedAt: DateTimeOffset.UtcNow.AddMinutes(-6)),
            _ => await TamperedAsync(stripe, json),
        };

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(PaymentStatus.Pending, (await stripe.AttemptAsync(attemptId)).Status);
        Assert.Equal((0, 2500L), await stripe.LedgerAsync(charged.CustomerId));
        Assert.Equal(0, await app.InTenantAsync(stripe.Tenant, sp => sp.GetRequiredService<TenantDbContext>().Set<WebhookEvent>().CountAsync()));
    }

    [Fact]
    public async Task Another_tenants_signing_secret_is_not_accepted()
    {
        var first = await StripeTenant.CreateAsync(app);
        var second = await StripeTenant.CreateAsync(app);
        var charged = await first.ChargeWithoutRecordingAsync("pm_card_visa");
        var attemptId = charged.AttemptId;
        var json = first.Events().Single(e => e.Type == "payment_intent.succeeded").Json;

        var response = await first.DeliverAsync(json, secret: second.WebhookSecret);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(PaymentStatus.Pending, (await first.AttemptAsync(attemptId)).Status);
    }

    private static async Task<HttpResponseMessage> TamperedAsync(StripeTenant stripe, string json)
    {
        // Signed for the original body, sent with another one.
        var client = stripe.App.CreateClient(stripe.Tenant.Host);
        using var request = new HttpRequestMessage(HttpMethod.Post, StripeWebhookEndpoint.Path)
        {
            Content = new StringContent(json.Replace("\"livemode\":false", "\"livemode\":true", StringComparison.Ordinal) + " ", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("Stripe-Signature", StripeSignature.Sign(json, stripe.WebhookSecret, DateTimeOffset.UtcNow));
        return await client.SendAsync(request);
    }
}
