using System.Net;
using OrchardPortal.FakeStripe.State;
using OrchardPortal.FakeStripe.Tests.Infrastructure;

namespace OrchardPortal.FakeStripe.Tests.Idempotency;

public sealed class IdempotencyTests(FakeStripeFixture fixture) : IClassFixture<FakeStripeFixture>
{
    private static readonly (string, string)[] Charge =
        [("amount", "4200"), ("currency", "usd"), ("payment_method", "pm_card_visa"), ("confirm", "true"), ("metadata[invoice]", "INV-7")];

    [Fact]
    public async Task Repeating_a_request_with_its_key_replays_the_same_bytes_and_charges_once()
    {
        using var stripe = fixture.NewAccount();

        var first = (await stripe.PostAsync("/v1/payment_intents", "pay-INV-7", Charge)).Ok();
        var second = (await stripe.PostAsync("/v1/payment_intents", "pay-INV-7", Charge)).Ok();

        Assert.Equal(first.Body, second.Body);
        Assert.False(first.Headers.ContainsKey("Idempotent-Replayed"));
        Assert.Equal("true", second.Headers["Idempotent-Replayed"]);
        Assert.Equal(first.Headers["Request-Id"], second.Headers["Original-Request"]);
        Assert.Single(stripe.Account.PaymentIntents());
        Assert.Equal(1, stripe.Account.SuccessfulChargeCount);
        Assert.Equal(2, stripe.Account.IdempotencyKeyUses()["pay-INV-7"]);
    }

    [Fact]
    public async Task Parameters_in_another_order_are_the_same_request()
    {
        using var stripe = fixture.NewAccount();

        var first = (await stripe.PostAsync("/v1/payment_intents", "k1", Charge)).Ok();
        var reordered = (await stripe.PostAsync("/v1/payment_intents", "k1", Charge.Reverse().ToArray())).Ok();

        Assert.Equal(first.Body, reordered.Body);
        Assert.Equal(1, stripe.Account.SuccessfulChargeCount);
    }

    [Fact]
    public async Task Reusing_a_key_with_different_parameters_is_an_idempotency_error_and_changes_nothing()
    {
        using var stripe = fixture.NewAccount();
        (await stripe.PostAsync("/v1/payment_intents", "pay-1", Charge)).Ok();

        var changed = await stripe.PostAsync("/v1/payment_intents", "pay-1",
            ("amount", "9999"), ("currency", "usd"), ("payment_method", "pm_card_visa"), ("confirm", "true"), ("metadata[invoice]", "INV-7"));
        var otherEndpoint = await stripe.PostAsync("/v1/customers", "pay-1", ("email", "x@example.test"));

        Assert.Equal(HttpStatusCode.BadRequest, changed.Status);
        Assert.Equal("idempotency_error", changed.Error.Str("type"));
        Assert.Contains("same parameters", changed.Error.Str("message"));
        Assert.Equal(HttpStatusCode.BadRequest, otherEndpoint.Status);
        Assert.Equal("idempotency_error", otherEndpoint.Error.Str("type"));
        Assert.Single(stripe.Account.PaymentIntents());
        Assert.DoesNotContain(stripe.Account.Events(), e => e.Type == "customer.created");
    }

    [Fact]
    public async Task Fifty_concurrent_requests_with_one_key_charge_once_and_the_rest_replay_or_conflict()
    {
        using var stripe = fixture.NewAccount();
        // Widen the window in which the first request is still running, so conflicts certainly happen.
        stripe.Account.ProcessingDelay = TimeSpan.FromSeconds(1);

        var responses = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => stripe.PostAsync("/v1/payment_intents", "pay-once", Charge)));

        Assert.Equal(1, stripe.Account.SuccessfulChargeCount);
        Assert.All(responses, r => Assert.Contains(r.Status, new[] { HttpStatusCode.OK, HttpStatusCode.Conflict }));
        var conflict = responses.First(r => r.Status == HttpStatusCode.Conflict);
        Assert.Equal("idempotency_key_in_use", conflict.Error.Str("code"));
        Assert.Single(responses.Where(r => r.Status == HttpStatusCode.OK).Select(r => r.Str("id")).Distinct());

        var retry = (await stripe.PostAsync("/v1/payment_intents", "pay-once", Charge)).Ok();
        Assert.Equal("true", retry.Headers["Idempotent-Replayed"]);
        Assert.Equal(51, stripe.Account.IdempotencyKeyUses()["pay-once"]);
    }

    [Fact]
    public async Task A_card_decline_is_saved_and_replayed_with_its_402()
    {
        using var stripe = fixture.NewAccount();
        (string, string)[] declined = [("amount", "4200"), ("currency", "usd"), ("payment_method", "pm_card_chargeDeclined"), ("confirm", "true")];

        var first = await stripe.PostAsync("/v1/payment_intents", "pay-declined", declined);
        var replay = await stripe.PostAsync("/v1/payment_intents", "pay-declined", declined);

        Assert.Equal(HttpStatusCode.PaymentRequired, replay.Status);
        Assert.Equal(first.Body, replay.Body);
        Assert.Equal("true", replay.Headers["Idempotent-Replayed"]);
        Assert.Single(stripe.Account.Charges());
    }

    [Fact]
    public async Task A_request_that_failed_validation_is_not_saved_so_a_corrected_retry_with_the_key_runs()
    {
        using var stripe = fixture.NewAccount();

        var invalid = await stripe.PostAsync("/v1/payment_intents", "pay-fix", ("amount", "10"), ("currency", "usd"));
        var corrected = await stripe.PostAsync("/v1/payment_intents", "pay-fix", ("amount", "1000"), ("currency", "usd"));

        Assert.Equal(HttpStatusCode.BadRequest, invalid.Status);
        corrected.Ok();
        Assert.False(corrected.Headers.ContainsKey("Idempotent-Replayed"));
    }

    [Fact]
    public async Task Keys_are_scoped_per_account()
    {
        using var accountA = fixture.NewAccount();
        using var accountB = fixture.NewAccount();

        var a = (await accountA.PostAsync("/v1/payment_intents", "shared-key", Charge)).Ok();
        var b = (await accountB.PostAsync("/v1/payment_intents", "shared-key", Charge)).Ok();

        Assert.NotEqual(a.Str("id"), b.Str("id"));
        Assert.False(b.Headers.ContainsKey("Idempotent-Replayed"));
    }

    [Fact]
    public async Task A_500_before_execution_changes_nothing_and_the_retry_charges_once()
    {
        using var stripe = fixture.NewAccount();
        stripe.Account.FailNextRequests(1, FaultKind.ServerErrorBeforeExecution);

        var failed = await stripe.PostAsync("/v1/payment_intents", "pay-500", Charge);
        Assert.Equal(HttpStatusCode.InternalServerError, failed.Status);
        Assert.Equal("api_error", failed.Error.Str("type"));
        Assert.Empty(stripe.Account.PaymentIntents());

        (await stripe.PostAsync("/v1/payment_intents", "pay-500", Charge)).Ok();
        Assert.Equal(1, stripe.Account.SuccessfulChargeCount);
    }

    [Fact]
    public async Task A_500_after_the_charge_is_saved_and_replayed_as_Stripe_does_while_the_charge_stands()
    {
        using var stripe = fixture.NewAccount();
        stripe.Account.FailNextRequests(1, FaultKind.ServerErrorAfterExecution, "/v1/payment_intents");

        var failed = await stripe.PostAsync("/v1/payment_intents", "pay-after", Charge);
        var replay = await stripe.PostAsync("/v1/payment_intents", "pay-after", Charge);

        Assert.Equal(HttpStatusCode.InternalServerError, failed.Status);
        Assert.Equal(HttpStatusCode.InternalServerError, replay.Status);
        Assert.Equal("true", replay.Headers["Idempotent-Replayed"]);
        Assert.Equal(1, stripe.Account.SuccessfulChargeCount);
        Assert.Contains(stripe.Account.Events(), e => e.Type == "payment_intent.succeeded");
    }

    [Fact]
    public async Task A_charge_whose_answer_never_arrived_is_replayed_on_retry_instead_of_charging_again()
    {
        using var stripe = fixture.NewAccount();
        stripe.Account.FailNextRequests(1, FaultKind.HangAfterExecution);
        stripe.Timeout = TimeSpan.FromSeconds(1);

        await Assert.ThrowsAsync<TaskCanceledException>(() => stripe.PostAsync("/v1/payment_intents", "pay-hang", Charge));
        Assert.Equal(1, stripe.Account.SuccessfulChargeCount);

        var retry = (await stripe.PostAsync("/v1/payment_intents", "pay-hang", Charge)).Ok();
        Assert.Equal("succeeded", retry.Str("status"));
        Assert.Equal("true", retry.Headers["Idempotent-Replayed"]);
        Assert.Equal(1, stripe.Account.SuccessfulChargeCount);
    }
}
