using System.Net;
using OrchardPortal.FakeStripe.Tests.Infrastructure;

namespace OrchardPortal.FakeStripe.Tests.PaymentIntents;

public sealed class CardPaymentTests(FakeStripeFixture fixture) : IClassFixture<FakeStripeFixture>
{
    [Fact]
    public async Task A_visa_payment_goes_from_requires_confirmation_to_succeeded_with_a_charge()
    {
        using var stripe = fixture.NewAccount();
        var customer = await stripe.CreateCustomerAsync();

        var created = (await stripe.PostAsync("/v1/payment_intents",
            ("amount", "2599"), ("currency", "usd"), ("customer", customer), ("payment_method", "pm_card_visa"),
            ("payment_method_types[]", "card"), ("metadata[invoice]", "INV-1"), ("description", "Lawn care"))).Ok();
        Assert.StartsWith("pi_", created.Str("id"));
        Assert.Equal("payment_intent", created.Str("object"));
        Assert.Equal("requires_confirmation", created.Str("status"));
        Assert.Equal("INV-1", created.Json.Str("metadata.invoice"));
        Assert.False(created.Json["livemode"]!.GetValue<bool>());
        Assert.StartsWith(created.Str("id") + "_secret_", created.Str("client_secret"));

        var confirmed = (await stripe.PostAsync($"/v1/payment_intents/{created.Str("id")}/confirm")).Ok();
        Assert.Equal("succeeded", confirmed.Str("status"));
        Assert.Equal(2599, confirmed.Json.Number("amount_received"));
        Assert.StartsWith("ch_", confirmed.Str("latest_charge"));

        var charge = (await stripe.GetAsync($"/v1/charges/{confirmed.Str("latest_charge")}")).Ok();
        Assert.Equal("succeeded", charge.Str("status"));
        Assert.True(charge.Json["paid"]!.GetValue<bool>());
        Assert.Equal("visa", charge.Json.Str("payment_method_details.card.brand"));
        Assert.Equal("4242", charge.Json.Str("payment_method_details.card.last4"));
        Assert.Equal("INV-1", charge.Json.Str("metadata.invoice"));

        var types = stripe.Account.Events().Select(e => e.Type).ToList();
        Assert.Equal(["customer.created", "payment_intent.created", "charge.succeeded", "payment_intent.succeeded"], types);
    }

    [Fact]
    public async Task Creating_with_confirm_true_charges_in_one_request_and_can_expand_the_charge()
    {
        using var stripe = fixture.NewAccount();

        var intent = (await stripe.PostAsync("/v1/payment_intents",
            ("amount", "1000"), ("currency", "usd"), ("payment_method", "pm_card_mastercard"), ("confirm", "true"),
            ("payment_method_types[0]", "card"), ("expand[]", "latest_charge"))).Ok();

        Assert.Equal("succeeded", intent.Str("status"));
        Assert.Equal("charge", intent.Json.Str("latest_charge.object"));
        Assert.Equal("mastercard", intent.Json.Str("latest_charge.payment_method_details.card.brand"));
        Assert.Equal(1, stripe.Account.SuccessfulChargeCount);
    }

    [Theory]
    [InlineData("pm_card_chargeDeclined", "card_declined", "generic_decline", "Your card was declined.")]
    [InlineData("pm_card_chargeDeclinedInsufficientFunds", "card_declined", "insufficient_funds", "Your card has insufficient funds.")]
    [InlineData("pm_card_chargeDeclinedExpiredCard", "expired_card", "expired_card", "Your card has expired.")]
    public async Task A_declined_card_answers_402_with_the_decline_code_and_leaves_the_intent_needing_a_payment_method(
        string method, string code, string declineCode, string message)
    {
        using var stripe = fixture.NewAccount();

        var declined = await stripe.PostAsync("/v1/payment_intents",
            ("amount", "5000"), ("currency", "usd"), ("payment_method", method), ("confirm", "true"));

        Assert.Equal(HttpStatusCode.PaymentRequired, declined.Status);
        Assert.Equal("card_error", declined.Error.Str("type"));
        Assert.Equal(code, declined.Error.Str("code"));
        Assert.Equal(declineCode, declined.Error.Str("decline_code"));
        Assert.Equal(message, declined.Error.Str("message"));
        Assert.StartsWith("ch_", declined.Error.Str("charge"));
        Assert.Equal("requires_payment_method", declined.Error.Str("payment_intent.status"));

        var intent = (await stripe.GetAsync($"/v1/payment_intents/{declined.Error.Str("payment_intent.id")}")).Ok();
        Assert.Equal("requires_payment_method", intent.Str("status"));
        Assert.Equal(declineCode, intent.Json.Str("last_payment_error.decline_code"));
        Assert.Equal("card_error", intent.Json.Str("last_payment_error.type"));
        Assert.Equal(0, intent.Json.Number("amount_received"));
        Assert.Null(intent.Json["payment_method"]);
        Assert.Equal(0, stripe.Account.SuccessfulChargeCount);
        Assert.Contains(stripe.Account.Events(), e => e.Type == "payment_intent.payment_failed");
    }

    [Fact]
    public async Task A_declined_intent_can_be_retried_with_another_card()
    {
        using var stripe = fixture.NewAccount();
        var declined = await stripe.PostAsync("/v1/payment_intents",
            ("amount", "5000"), ("currency", "usd"), ("payment_method", "pm_card_chargeDeclined"), ("confirm", "true"));
        var id = declined.Error.Str("payment_intent.id");

        var retried = (await stripe.PostAsync($"/v1/payment_intents/{id}/confirm", ("payment_method", "pm_card_visa"))).Ok();

        Assert.Equal("succeeded", retried.Str("status"));
        Assert.Null(retried.Json["last_payment_error"]);
        Assert.Equal(["failed", "succeeded"], stripe.Account.Charges().Select(c => c.Status));
    }

    [Fact]
    public async Task A_card_needing_3d_secure_requires_action_on_session_and_succeeds_once_authenticated()
    {
        using var stripe = fixture.NewAccount();

        var intent = (await stripe.PostAsync("/v1/payment_intents",
            ("amount", "5000"), ("currency", "usd"), ("payment_method", "pm_card_authenticationRequired"), ("confirm", "true"))).Ok();

        Assert.Equal("requires_action", intent.Str("status"));
        Assert.Equal("use_stripe_sdk", intent.Json.Str("next_action.type"));
        Assert.Null(intent.Json["latest_charge"]);
        Assert.Contains(stripe.Account.Events(), e => e.Type == "payment_intent.requires_action");

        stripe.Account.CompleteAuthentication(intent.Str("id"));

        var after = (await stripe.GetAsync($"/v1/payment_intents/{intent.Str("id")}")).Ok();
        Assert.Equal("succeeded", after.Str("status"));
        Assert.Null(after.Json["next_action"]);
    }

    [Fact]
    public async Task A_card_needing_3d_secure_fails_off_session_with_authentication_required()
    {
        using var stripe = fixture.NewAccount();
        var customer = await stripe.CreateCustomerAsync();
        var method = (await stripe.PostAsync("/v1/payment_methods/pm_card_authenticationRequired/attach", ("customer", customer))).Ok().Str("id");

        var failed = await stripe.PostAsync("/v1/payment_intents",
            ("amount", "5000"), ("currency", "usd"), ("customer", customer), ("payment_method", method),
            ("confirm", "true"), ("off_session", "true"));

        Assert.Equal(HttpStatusCode.PaymentRequired, failed.Status);
        Assert.Equal("authentication_required", failed.Error.Str("code"));
        Assert.Equal("authentication_required", failed.Error.Str("decline_code"));
        Assert.Equal("requires_payment_method", failed.Error.Str("payment_intent.status"));
    }

    [Fact]
    public async Task Canceling_an_unpaid_intent_records_the_reason_and_a_paid_one_cannot_be_canceled()
    {
        using var stripe = fixture.NewAccount();
        var open = (await stripe.PostAsync("/v1/payment_intents", ("amount", "5000"), ("currency", "usd"))).Ok();
        Assert.Equal("requires_payment_method", open.Str("status"));

        var canceled = (await stripe.PostAsync($"/v1/payment_intents/{open.Str("id")}/cancel", ("cancellation_reason", "abandoned"))).Ok();
        Assert.Equal("canceled", canceled.Str("status"));
        Assert.Equal("abandoned", canceled.Str("cancellation_reason"));

        var paid = (await stripe.PostAsync("/v1/payment_intents",
            ("amount", "5000"), ("currency", "usd"), ("payment_method", "pm_card_visa"), ("confirm", "true"))).Ok();
        var refused = await stripe.PostAsync($"/v1/payment_intents/{paid.Str("id")}/cancel");
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Equal("payment_intent_unexpected_state", refused.Error.Str("code"));
    }

    [Fact]
    public async Task Listing_by_customer_shows_only_that_customers_intents_newest_first()
    {
        using var stripe = fixture.NewAccount();
        var pat = await stripe.CreateCustomerAsync("pat@example.test");
        var sam = await stripe.CreateCustomerAsync("sam@example.test");
        var first = (await stripe.PostAsync("/v1/payment_intents", ("amount", "100"), ("currency", "usd"), ("customer", pat))).Ok().Str("id");
        await stripe.PostAsync("/v1/payment_intents", ("amount", "200"), ("currency", "usd"), ("customer", sam));
        var third = (await stripe.PostAsync("/v1/payment_intents", ("amount", "300"), ("currency", "usd"), ("customer", pat))).Ok().Str("id");

        var list = (await stripe.GetAsync($"/v1/payment_intents?customer={pat}&limit=10")).Ok();

        Assert.Equal("list", list.Str("object"));
        Assert.Equal([third, first], list.Json["data"]!.AsArray().Select(i => i!.Str("id")));
        Assert.False(list.Json["has_more"]!.GetValue<bool>());
    }
}
