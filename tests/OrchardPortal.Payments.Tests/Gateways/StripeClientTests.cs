using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using OrchardPortal.Payments.Gateways;
using OrchardPortal.Payments.Gateways.Stripe;
using OrchardPortal.Payments.Tests.Infrastructure;

namespace OrchardPortal.Payments.Tests.Gateways;

/// <summary>The client's HTTP behaviour against a scripted server: headers, retries, and what it does with errors.</summary>
public sealed class StripeClientTests
{
    private const string Key = "sk_test_51abc";
    private const string Succeeded = """{"id":"pi_1","object":"payment_intent","amount":2500,"status":"succeeded"}""";

    [Fact]
    public async Task Every_post_carries_bearer_key_pinned_version_idempotency_key_and_a_form_body()
    {
        var handler = new ScriptedHandler(_ => ScriptedHandler.Json(HttpStatusCode.OK, Succeeded));

        await Client(handler).PostAsync(Key, "v1/payment_intents", new Dictionary<string, object?> { ["amount"] = 2500L, ["metadata"] = new Dictionary<string, object?> { ["attempt_id"] = "pa_1" } }, "pay:pa_1", CancellationToken.None);

        var seen = Assert.Single(handler.Requests);
        Assert.Equal(("POST", "/v1/payment_intents", "Bearer " + Key, "pay:pa_1", "2024-06-20", "application/x-www-form-urlencoded"),
            (seen.Method, seen.PathAndQuery, seen.Authorization, seen.IdempotencyKey, seen.StripeVersion, seen.ContentType));
        Assert.Equal("amount=2500&metadata%5Battempt_id%5D=pa_1", seen.Body);
    }

    [Fact]
    public async Task A_post_without_an_idempotency_key_is_refused_before_anything_is_sent()
    {
        var handler = new ScriptedHandler(_ => ScriptedHandler.Json(HttpStatusCode.OK, Succeeded));

        await Assert.ThrowsAsync<ArgumentException>(() => Client(handler).PostAsync(Key, "v1/refunds", new Dictionary<string, object?>(), " ", CancellationToken.None));
        Assert.Empty(handler.Requests);
    }

    [Theory]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    [InlineData(HttpStatusCode.Conflict)]
    [InlineData(HttpStatusCode.TooManyRequests)]
    public async Task Retryable_answers_are_retried_with_the_same_idempotency_key(HttpStatusCode status)
    {
        var handler = new ScriptedHandler(
            _ => ScriptedHandler.Json(status, """{"error":{"type":"api_error","message":"try again"}}"""),
            _ => ScriptedHandler.Json(status, """{"error":{"type":"api_error","message":"try again"}}"""),
            _ => ScriptedHandler.Json(HttpStatusCode.OK, Succeeded));

        var result = await Client(handler).PostAsync(Key, "v1/payment_intents", new Dictionary<string, object?> { ["amount"] = 2500L }, "pay:pa_2", CancellationToken.None);

        Assert.Equal("pi_1", result.GetProperty("id").GetString());
        Assert.Equal(3, handler.Requests.Count);
        Assert.All(handler.Requests, r => Assert.Equal("pay:pa_2", r.IdempotencyKey));
        Assert.Single(handler.Requests.Select(r => r.Body).Distinct());
    }

    [Fact]
    public async Task Network_errors_are_retried_with_the_same_key()
    {
        var handler = new ScriptedHandler(
            _ => throw new HttpRequestException("connection reset"),
            _ => ScriptedHandler.Json(HttpStatusCode.OK, Succeeded));

        await Client(handler).PostAsync(Key, "v1/payment_intents", new Dictionary<string, object?> { ["amount"] = 2500L }, "pay:pa_3", CancellationToken.None);

        Assert.Equal(["pay:pa_3", "pay:pa_3"], handler.Requests.Select(r => r.IdempotencyKey));
    }

    [Fact]
    public async Task When_every_try_fails_on_the_network_the_outcome_is_reported_unknown_not_declined()
    {
        var handler = new ScriptedHandler(_ => throw new HttpRequestException("no route to host"));

        var error = await Assert.ThrowsAsync<PaymentGatewayException>(() => Client(handler).PostAsync(Key, "v1/payment_intents", new Dictionary<string, object?>(), "pay:pa_4", CancellationToken.None));

        Assert.Equal("gateway_unavailable", error.Code);
        Assert.Equal(4, handler.Requests.Count);
    }

    [Fact]
    public async Task A_402_decline_is_not_retried_and_carries_stripe_error_fields()
    {
        var handler = new ScriptedHandler(_ => ScriptedHandler.Json(HttpStatusCode.PaymentRequired,
            """{"error":{"type":"card_error","code":"card_declined","decline_code":"insufficient_funds","message":"Your card has insufficient funds.","payment_intent":{"id":"pi_7","status":"requires_payment_method"}}}"""));

        var error = await Assert.ThrowsAsync<StripeException>(() => Client(handler).PostAsync(Key, "v1/payment_intents", new Dictionary<string, object?>(), "pay:pa_5", CancellationToken.None));

        Assert.Single(handler.Requests);
        Assert.Equal(("card_error", "card_declined", "insufficient_funds", 402), (error.Error.Type, error.Error.Code, error.Error.DeclineCode, error.Error.HttpStatus));
    }

    [Fact]
    public async Task Stripe_should_retry_false_stops_retries_even_on_a_500()
    {
        var handler = new ScriptedHandler(_ => ScriptedHandler.Json(HttpStatusCode.InternalServerError, """{"error":{"type":"api_error"}}""", ("Stripe-Should-Retry", "false")));

        await Assert.ThrowsAsync<StripeException>(() => Client(handler).PostAsync(Key, "v1/payment_intents", new Dictionary<string, object?>(), "pay:pa_6", CancellationToken.None));

        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task Gets_send_no_idempotency_key_and_put_parameters_in_the_query()
    {
        var handler = new ScriptedHandler(_ => ScriptedHandler.Json(HttpStatusCode.OK, """{"object":"list","data":[]}"""));

        await Client(handler).GetAsync(Key, "v1/customers/cus_1/payment_methods", [new("limit", 100)], CancellationToken.None);

        var seen = Assert.Single(handler.Requests);
        Assert.Equal(("GET", "/v1/customers/cus_1/payment_methods?limit=100", null), (seen.Method, seen.PathAndQuery, seen.IdempotencyKey));
    }

    [Fact]
    public async Task A_decline_on_confirmation_becomes_a_failed_payment_with_the_customers_message()
    {
        var handler = new ScriptedHandler(_ => ScriptedHandler.Json(HttpStatusCode.PaymentRequired,
            """{"error":{"type":"card_error","code":"expired_card","message":"Your card has expired.","payment_intent":{"id":"pi_8","status":"requires_payment_method"}}}"""));
        var gateway = new StripeGateway(Client(handler), Key);

        var result = await gateway.CreatePaymentAsync(new PaymentRequest
        {
            IdempotencyKey = "pay:pa_7",
            Amount = 2500,
            Currency = "USD",
            GatewayCustomerId = "cus_1",
            PaymentMethodId = "pm_card_chargeDeclinedExpiredCard",
        }, CancellationToken.None);

        var failed = Assert.IsType<PaymentFailed>(result);
        Assert.Equal(("pi_8", "expired_card"), (failed.PaymentId, failed.ReasonCode));
        Assert.Contains("expired", failed.CustomerMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_secret_key_is_a_gateway_fault_not_a_decline()
    {
        var handler = new ScriptedHandler(_ => ScriptedHandler.Json(HttpStatusCode.Unauthorized, """{"error":{"type":"invalid_request_error","message":"Invalid API Key provided"}}"""));

        var error = await Assert.ThrowsAsync<PaymentGatewayException>(() => new StripeGateway(Client(handler), Key).CheckConnectionAsync(CancellationToken.None));

        Assert.Equal("invalid_api_key", error.Code);
    }

    private static StripeClient Client(ScriptedHandler handler) =>
        new(new HttpClient(handler), Options.Create(new StripeOptions
        {
            BaseUrl = new Uri("http://stripe.test/"),
            RetryBaseDelay = TimeSpan.FromMilliseconds(1),
            MaxRetryDelay = TimeSpan.FromMilliseconds(5),
        }), TimeProvider.System, NullLogger<StripeClient>.Instance);
}
