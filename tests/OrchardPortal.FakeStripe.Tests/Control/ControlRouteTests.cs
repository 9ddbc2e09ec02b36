using System.Net;
using System.Text.Json.Nodes;
using OrchardPortal.FakeStripe.Tests.Infrastructure;

namespace OrchardPortal.FakeStripe.Tests.Control;

public sealed class ControlRouteTests(FakeStripeFixture fixture) : IClassFixture<FakeStripeFixture>
{
    [Fact]
    public async Task The_http_control_api_registers_an_endpoint_sets_switches_and_reports_charges()
    {
        using var stripe = fixture.NewAccount();
        await using var receiver = await WebhookReceiver.StartAsync();

        var endpoint = (await stripe.PostAsync("/_fake/webhook_endpoints", ("url", receiver.Url), ("enabled_events[]", "payment_intent.succeeded"))).Ok();
        (await stripe.PostAsync("/_fake/webhooks", ("copies", "2"))).Ok();
        (await stripe.PostAsync("/v1/payment_intents", "k-1",
            ("amount", "2500"), ("currency", "usd"), ("payment_method", "pm_card_visa"), ("confirm", "true"))).Ok();
        await receiver.WaitForAsync(2);

        Assert.StartsWith("whsec_", endpoint.Str("secret"));
        Assert.All(receiver.Received, r => Assert.Equal("payment_intent.succeeded", r.Type));
        var charges = await GetArrayAsync(stripe, "/_fake/charges");
        Assert.Equal("succeeded", Assert.Single(charges)!.Str("status"));
        Assert.Equal(1, (await stripe.GetAsync("/_fake/idempotency_keys")).Ok().Json.Number("k-1"));
    }

    [Fact]
    public async Task The_http_control_api_injects_faults_and_settles_ach()
    {
        using var stripe = fixture.NewAccount();

        (await stripe.PostAsync("/_fake/faults", ("count", "1"), ("kind", "ServerErrorBeforeExecution"))).Ok();
        var failed = await stripe.PostAsync("/v1/payment_intents",
            ("amount", "2500"), ("currency", "usd"), ("payment_method", "pm_usBankAccount"), ("confirm", "true"));
        Assert.Equal(HttpStatusCode.InternalServerError, failed.Status);

        (await stripe.PostAsync("/v1/payment_intents",
            ("amount", "2500"), ("currency", "usd"), ("payment_method", "pm_usBankAccount"), ("confirm", "true"))).Ok();
        var settled = (await stripe.PostAsync("/_fake/ach/settle")).Ok();

        Assert.Equal(1, settled.Json.Number("settled"));
        Assert.Equal("succeeded", Assert.Single(await GetArrayAsync(stripe, "/_fake/payment_intents"))!.Str("status"));
    }

    [Fact]
    public async Task An_unknown_control_url_is_a_404()
    {
        using var stripe = fixture.NewAccount();

        var response = await stripe.PostAsync("/_fake/nothing_here");

        Assert.Equal(HttpStatusCode.NotFound, response.Status);
    }

    private static async Task<JsonArray> GetArrayAsync(StripeTestClient stripe, string path)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, stripe.BaseUrl + path);
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", stripe.Key);
        using var response = await http.SendAsync(request);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray();
    }
}
