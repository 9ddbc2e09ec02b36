using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using OrchardPortal.FakeStripe.Tests.Infrastructure;

namespace OrchardPortal.FakeStripe.Tests.Accounts;

public sealed class AuthenticationTests(FakeStripeFixture fixture) : IClassFixture<FakeStripeFixture>
{
    [Fact]
    public async Task A_request_without_a_key_is_a_401_saying_no_key_was_provided()
    {
        using var http = new HttpClient();

        using var response = await http.GetAsync(fixture.Server.BaseUrl + "/v1/customers");
        var error = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]!;

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("invalid_request_error", error.Str("type"));
        Assert.StartsWith("You did not provide an API key.", error.Str("message"));
    }

    [Theory]
    [InlineData("Bearer pk_test_123456789")]
    [InlineData("Bearer sk_live_123456789")]
    [InlineData("Bearer sk_test_")]
    [InlineData("Token sk_test_123456789")]
    public async Task A_malformed_or_non_test_secret_key_is_a_401(string authorization)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, fixture.Server.BaseUrl + "/v1/customers");
        request.Headers.TryAddWithoutValidation("Authorization", authorization);

        using var response = await http.SendAsync(request);
        var error = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]!;

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.StartsWith("Invalid API Key provided", error.Str("message"));
    }

    [Fact]
    public async Task Basic_auth_with_the_key_as_user_name_works_like_curl_u()
    {
        using var stripe = fixture.NewAccount();
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, fixture.Server.BaseUrl + "/v1/customers");
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(stripe.Key + ":")));

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(stripe.Account.Events(), e => e.Type == "customer.created");
    }

    [Fact]
    public async Task A_payment_intent_made_with_one_key_does_not_exist_for_another_key()
    {
        using var accountA = fixture.NewAccount();
        using var accountB = fixture.NewAccount();
        var intent = (await accountA.PostAsync("/v1/payment_intents", ("amount", "5000"), ("currency", "usd"))).Ok().Str("id");

        var fromB = await accountB.GetAsync($"/v1/payment_intents/{intent}");
        var fromA = await accountA.GetAsync($"/v1/payment_intents/{intent}");

        Assert.Equal(HttpStatusCode.NotFound, fromB.Status);
        Assert.Equal(HttpStatusCode.OK, fromA.Status);
        Assert.Empty(accountB.Account.PaymentIntents());
    }

    [Fact]
    public async Task Every_request_records_its_Stripe_Version_and_the_response_echoes_it()
    {
        using var stripe = fixture.NewAccount();

        var response = await stripe.PostAsync("/v1/customers", ("email", "pat@example.test"));

        Assert.Equal(StripeTestClient.Version, response.Headers["Stripe-Version"]);
        Assert.StartsWith("req_", response.Headers["Request-Id"]);
        var logged = Assert.Single(stripe.Account.Requests());
        Assert.Equal(StripeTestClient.Version, logged.StripeVersion);
        Assert.Equal("/v1/customers", logged.Path);
    }
}
