using OrchardPortal.FakeStripe.Tests.Infrastructure;

namespace OrchardPortal.FakeStripe.Tests.Webhooks;

public sealed class EventTests(FakeStripeFixture fixture) : IClassFixture<FakeStripeFixture>
{
    [Fact]
    public async Task Events_name_the_request_and_idempotency_key_that_caused_them()
    {
        using var stripe = fixture.NewAccount();

        var response = (await stripe.PostAsync("/v1/payment_intents", "pay-INV-9",
            ("amount", "2500"), ("currency", "usd"), ("payment_method", "pm_card_visa"), ("confirm", "true"))).Ok();

        var succeeded = (await stripe.GetAsync("/v1/events?type=payment_intent.succeeded")).Ok().Json["data"]![0]!;
        Assert.Equal(response.Headers["Request-Id"], succeeded.Str("request.id"));
        Assert.Equal("pay-INV-9", succeeded.Str("request.idempotency_key"));
        Assert.Equal(FakeStripeServer.DefaultApiVersion, succeeded.Str("api_version"));
        Assert.Equal(response.Str("id"), succeeded.Str("data.object.id"));
    }

    [Fact]
    public async Task Listing_events_filters_by_type_with_a_wildcard()
    {
        using var stripe = fixture.NewAccount();
        await stripe.PostAsync("/v1/payment_intents",
            ("amount", "2500"), ("currency", "usd"), ("payment_method", "pm_card_visa"), ("confirm", "true"));

        var intents = (await stripe.GetAsync("/v1/events?type=payment_intent.*")).Ok();
        var charges = (await stripe.GetAsync("/v1/events?type=charge.succeeded")).Ok();

        Assert.Equal(["payment_intent.succeeded", "payment_intent.created"], intents.Json["data"]!.AsArray().Select(e => e!.Str("type")));
        Assert.Single(charges.Json["data"]!.AsArray());
    }

    [Fact]
    public async Task An_endpoint_receives_only_the_event_types_it_enabled_and_nothing_once_disabled()
    {
        using var stripe = fixture.NewAccount();
        await using var receiver = await WebhookReceiver.StartAsync();
        var endpoint = (await stripe.PostAsync("/v1/webhook_endpoints", ("url", receiver.Url), ("enabled_events[]", "charge.refunded"))).Ok();
        var intent = (await stripe.PostAsync("/v1/payment_intents",
            ("amount", "2500"), ("currency", "usd"), ("payment_method", "pm_card_visa"), ("confirm", "true"))).Ok().Str("id");
        (await stripe.PostAsync("/v1/refunds", ("payment_intent", intent), ("amount", "500"))).Ok();
        await stripe.Account.WaitForWebhooksAsync();

        Assert.Equal(["charge.refunded"], receiver.Received.Select(r => r.Type));

        (await stripe.PostAsync($"/v1/webhook_endpoints/{endpoint.Str("id")}", ("disabled", "true"))).Ok();
        (await stripe.PostAsync("/v1/refunds", ("payment_intent", intent), ("amount", "500"))).Ok();
        await stripe.Account.WaitForWebhooksAsync();

        Assert.Single(receiver.Received);
    }
}
