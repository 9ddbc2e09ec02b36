using OrchardPortal.Payments.Gateways.Stripe;

namespace OrchardPortal.Payments.Tests.Gateways;

public sealed class StripeErrorMessagesTests
{
    [Theory]
    [InlineData("card_declined", "insufficient_funds", "insufficient_funds", "insufficient funds")]
    [InlineData("expired_card", null, "expired_card", "expired")]
    [InlineData("incorrect_cvc", null, "incorrect_cvc", "security code")]
    [InlineData("authentication_required", null, "authentication_required", "confirm")]
    [InlineData("card_declined", "generic_decline", "card_declined", "declined")]
    [InlineData("processing_error", null, "processing_error", "not been charged")]
    [InlineData("payment_intent_payment_attempt_failed", "no_account", "no_account", "couldn't find that bank account")]
    public void Stripe_codes_become_one_reason_and_a_plain_message(string code, string? declineCode, string reason, string messagePart)
    {
        var (actualReason, message) = StripeErrorMessages.Describe(code, declineCode);

        Assert.Equal(reason, actualReason);
        Assert.Contains(messagePart, message, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("stolen_card")]
    [InlineData("lost_card")]
    [InlineData("fraudulent")]
    public void Fraud_related_declines_read_as_a_generic_decline(string declineCode)
    {
        var (reason, message) = StripeErrorMessages.Describe("card_declined", declineCode);

        Assert.Equal("card_declined", reason);
        Assert.Equal(StripeErrorMessages.Generic, message);
        Assert.DoesNotContain("stolen", message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void An_unknown_code_still_gets_a_message_a_customer_can_act_on()
    {
        var (reason, message) = StripeErrorMessages.Describe("something_new_from_stripe", null);

        Assert.Equal("something_new_from_stripe", reason);
        Assert.Equal(StripeErrorMessages.Generic, message);
    }

    [Fact]
    public void An_error_body_is_parsed_with_all_its_fields()
    {
        var error = StripeError.Parse("""
            {"error":{"type":"card_error","code":"card_declined","decline_code":"insufficient_funds","message":"Your card has insufficient funds.","param":"payment_method","payment_intent":{"id":"pi_9","status":"requires_payment_method"}}}
            """, 402);

        Assert.Equal(("card_error", "card_declined", "insufficient_funds", "payment_method", 402), (error.Type, error.Code, error.DeclineCode, error.Param, error.HttpStatus));
        Assert.Equal("pi_9", error.PaymentIntent?.GetProperty("id").GetString());
    }

    [Fact]
    public void A_body_that_is_not_stripe_json_still_yields_an_error_with_the_status()
    {
        var error = StripeError.Parse("<html>Bad gateway</html>", 502);

        Assert.Equal(("api_error", 502), (error.Type, error.HttpStatus));
    }
}
