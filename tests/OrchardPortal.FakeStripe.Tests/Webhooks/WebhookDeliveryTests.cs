using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using OrchardPortal.FakeStripe.Tests.Infrastructure;

namespace OrchardPortal.FakeStripe.Tests.Webhooks;

public sealed class WebhookDeliveryTests(FakeStripeFixture fixture) : IClassFixture<FakeStripeFixture>
{
    [Fact]
    public async Task An_endpoint_created_through_the_api_receives_its_events_signed_with_its_secret()
    {
        using var stripe = fixture.NewAccount();
        await using var receiver = await WebhookReceiver.StartAsync();
        var endpoint = (await stripe.PostAsync("/v1/webhook_endpoints",
            ("url", receiver.Url), ("enabled_events[]", "payment_intent.succeeded"), ("enabled_events[]", "charge.succeeded"))).Ok();
        var secret = endpoint.Str("secret");
        Assert.StartsWith("whsec_", secret);
        Assert.Null((await stripe.GetAsync($"/v1/webhook_endpoints/{endpoint.Str("id")}")).Ok().Json["secret"]);

        var intent = await PayAsync(stripe);

        var received = await receiver.WaitForAsync(2);
        Assert.Equal(["charge.succeeded", "payment_intent.succeeded"], received.Select(r => r.Type));
        var delivery = received[1];
        Assert.StartsWith("application/json", delivery.ContentType);
        AssertSignedWith(secret, delivery);
        var json = System.Text.Json.Nodes.JsonNode.Parse(delivery.Body)!;
        Assert.Equal("event", json.Str("object"));
        Assert.Equal(intent, json.Str("data.object.id"));
        Assert.Equal("succeeded", json.Str("data.object.status"));
        Assert.Equal(delivery.Body, (await stripe.GetAsync($"/v1/events/{delivery.EventId}")).Ok().Body);
    }

    [Fact]
    public async Task Each_event_can_be_delivered_several_times_with_the_same_id()
    {
        using var stripe = fixture.NewAccount();
        await using var receiver = await WebhookReceiver.StartAsync();
        stripe.Account.AddWebhookEndpoint(receiver.Url, "payment_intent.succeeded");
        stripe.Account.Webhooks.Copies = 10;

        await PayAsync(stripe);
        await stripe.Account.WaitForWebhooksAsync();

        Assert.Equal(10, receiver.Received.Count);
        Assert.Single(receiver.Received.Select(r => r.EventId).Distinct());
    }

    [Fact]
    public async Task A_reorder_window_delivers_events_last_first()
    {
        using var stripe = fixture.NewAccount();
        await using var receiver = await WebhookReceiver.StartAsync();
        stripe.Account.AddWebhookEndpoint(receiver.Url);
        stripe.Account.Webhooks.Reorder(3);
        // The window fills within one request; a long flush time keeps a slow machine from splitting it.
        stripe.Account.Webhooks.ReorderFlushAfter = TimeSpan.FromSeconds(10);

        await PayAsync(stripe);
        await stripe.Account.WaitForWebhooksAsync();

        var happened = stripe.Account.Events().Select(e => e.Id).ToList();
        Assert.Equal(3, happened.Count);
        Assert.Equal(happened.AsEnumerable().Reverse(), receiver.Received.Select(r => r.EventId));
    }

    [Fact]
    public async Task A_partly_filled_reorder_window_is_still_delivered()
    {
        using var stripe = fixture.NewAccount();
        await using var receiver = await WebhookReceiver.StartAsync();
        stripe.Account.AddWebhookEndpoint(receiver.Url);
        stripe.Account.Webhooks.Reorder(100, FakeStripe.Webhooks.ReorderMode.Shuffle, seed: 7);

        await PayAsync(stripe);
        await stripe.Account.WaitForWebhooksAsync();

        Assert.Equal(stripe.Account.Events().Select(e => e.Id).Order(), receiver.Received.Select(r => r.EventId).Order());
    }

    [Fact]
    public async Task Held_events_arrive_only_when_released()
    {
        using var stripe = fixture.NewAccount();
        await using var receiver = await WebhookReceiver.StartAsync();
        stripe.Account.AddWebhookEndpoint(receiver.Url, "payment_intent.succeeded");
        stripe.Account.Webhooks.Hold = true;

        await PayAsync(stripe);
        await stripe.Account.WaitForWebhooksAsync();
        Assert.Empty(receiver.Received);
        Assert.Equal(1, stripe.Account.Webhooks.HeldCount);

        await stripe.Account.Webhooks.ReleaseHeldAsync();
        await stripe.Account.WaitForWebhooksAsync();

        Assert.Single(receiver.Received);
    }

    [Fact]
    public async Task A_delay_holds_each_delivery_back_for_at_least_that_long()
    {
        using var stripe = fixture.NewAccount();
        await using var receiver = await WebhookReceiver.StartAsync();
        stripe.Account.AddWebhookEndpoint(receiver.Url, "payment_intent.succeeded");
        stripe.Account.Webhooks.Delay = TimeSpan.FromMilliseconds(300);

        var paidAt = DateTimeOffset.UtcNow;
        await PayAsync(stripe);
        var delivery = Assert.Single(await receiver.WaitForAsync(1));

        Assert.True(delivery.At - paidAt >= TimeSpan.FromMilliseconds(300), $"Delivered after {delivery.At - paidAt}.");
    }

    [Fact]
    public async Task Dropped_events_never_arrive_but_can_be_sent_again_on_demand()
    {
        using var stripe = fixture.NewAccount();
        await using var receiver = await WebhookReceiver.StartAsync();
        var (_, secret) = stripe.Account.AddWebhookEndpoint(receiver.Url, "payment_intent.succeeded");
        stripe.Account.Webhooks.Drop = true;

        await PayAsync(stripe);
        await stripe.Account.WaitForWebhooksAsync();
        Assert.Empty(receiver.Received);

        var succeeded = stripe.Account.Events().Single(e => e.Type == "payment_intent.succeeded");
        var attempts = await stripe.Account.SendEventAsync(succeeded.Id);

        Assert.True(Assert.Single(attempts).Succeeded);
        var delivery = Assert.Single(receiver.Received);
        Assert.Equal(succeeded.Id, delivery.EventId);
        AssertSignedWith(secret, delivery);
    }

    [Fact]
    public async Task A_failed_delivery_is_retried_until_the_endpoint_accepts_it()
    {
        using var stripe = fixture.NewAccount();
        await using var receiver = await WebhookReceiver.StartAsync();
        stripe.Account.AddWebhookEndpoint(receiver.Url, "payment_intent.succeeded");
        receiver.RespondNext(500, 503);

        await PayAsync(stripe);
        await stripe.Account.WaitForWebhooksAsync();

        Assert.Equal([500, 503, 200], receiver.Received.Select(r => r.AnsweredWith));
        Assert.Equal([1, 2, 3], stripe.Account.Webhooks.Attempts.Select(a => a.Attempt));
    }

    [Fact]
    public async Task The_signature_helper_matches_the_delivered_header()
    {
        using var stripe = fixture.NewAccount();
        await using var receiver = await WebhookReceiver.StartAsync();
        var (_, secret) = stripe.Account.AddWebhookEndpoint(receiver.Url, "payment_intent.succeeded");

        await PayAsync(stripe);
        var delivery = Assert.Single(await receiver.WaitForAsync(1));

        var timestamp = long.Parse(delivery.Signature.Split(',')[0][2..], CultureInfo.InvariantCulture);
        Assert.Equal(delivery.Signature, StripeSignature.Header(secret, timestamp, Encoding.UTF8.GetBytes(delivery.Body)));
    }

    private static async Task<string> PayAsync(StripeTestClient stripe) =>
        (await stripe.PostAsync("/v1/payment_intents",
            ("amount", "2500"), ("currency", "usd"), ("payment_method", "pm_card_visa"), ("confirm", "true"))).Ok().Str("id");

    /// <summary>Verifies the way an application must: HMAC-SHA256 of "t.payload" with the secret, in hex, and a fresh t.</summary>
    private static void AssertSignedWith(string secret, ReceivedWebhook delivery)
    {
        var parts = delivery.Signature.Split(',').Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
        var timestamp = long.Parse(parts["t"], CultureInfo.InvariantCulture);
        Assert.InRange(DateTimeOffset.UtcNow.ToUnixTimeSeconds() - timestamp, -5, 300);
        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{parts["t"]}.{delivery.Body}"));
        Assert.Equal(Convert.ToHexStringLower(expected), parts["v1"]);
    }
}
