using System.Net;
using OrchardPortal.FakeStripe.Tests.Infrastructure;

namespace OrchardPortal.FakeStripe.Tests.PaymentIntents;

public sealed class ValidationTests(FakeStripeFixture fixture) : IClassFixture<FakeStripeFixture>
{
    [Theory]
    [InlineData("49", "amount_too_small", "Amount must be at least $0.50 usd")]
    [InlineData("0", "parameter_invalid_integer", "This value must be greater than or equal to 1.")]
    [InlineData("12.50", "parameter_invalid_integer", "Invalid integer: 12.50")]
    public async Task A_bad_amount_is_a_400_invalid_request_error_naming_the_amount(string amount, string code, string message)
    {
        using var stripe = fixture.NewAccount();

        var response = await stripe.PostAsync("/v1/payment_intents", ("amount", amount), ("currency", "usd"));

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("invalid_request_error", response.Error.Str("type"));
        Assert.Equal(code, response.Error.Str("code"));
        Assert.Equal("amount", response.Error.Str("param"));
        Assert.Equal(message, response.Error.Str("message"));
        Assert.Empty(stripe.Account.PaymentIntents());
    }

    [Fact]
    public async Task A_missing_required_parameter_is_parameter_missing()
    {
        using var stripe = fixture.NewAccount();

        var response = await stripe.PostAsync("/v1/payment_intents", ("currency", "usd"));

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("parameter_missing", response.Error.Str("code"));
        Assert.Equal("Missing required param: amount.", response.Error.Str("message"));
    }

    [Fact]
    public async Task An_unknown_parameter_is_refused_so_client_typos_surface()
    {
        using var stripe = fixture.NewAccount();

        var response = await stripe.PostAsync("/v1/payment_intents", ("amount", "500"), ("currency", "usd"), ("ammount", "5"));

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("parameter_unknown", response.Error.Str("code"));
        Assert.Equal("ammount", response.Error.Str("param"));
    }

    [Fact]
    public async Task An_unknown_id_is_a_404_resource_missing()
    {
        using var stripe = fixture.NewAccount();

        var intent = await stripe.GetAsync("/v1/payment_intents/pi_doesnotexist");
        var customer = await stripe.PostAsync("/v1/payment_intents", ("amount", "500"), ("currency", "usd"), ("customer", "cus_nobody"));

        Assert.Equal(HttpStatusCode.NotFound, intent.Status);
        Assert.Equal("resource_missing", intent.Error.Str("code"));
        Assert.Equal("No such payment_intent: 'pi_doesnotexist'", intent.Error.Str("message"));
        Assert.Equal(HttpStatusCode.NotFound, customer.Status);
        Assert.Equal("customer", customer.Error.Str("param"));
    }

    [Fact]
    public async Task Confirming_an_intent_that_already_succeeded_is_refused_and_charges_nothing_more()
    {
        using var stripe = fixture.NewAccount();
        var paid = (await stripe.PostAsync("/v1/payment_intents",
            ("amount", "5000"), ("currency", "usd"), ("payment_method", "pm_card_visa"), ("confirm", "true"))).Ok();

        var again = await stripe.PostAsync($"/v1/payment_intents/{paid.Str("id")}/confirm", ("payment_method", "pm_card_visa"));

        Assert.Equal(HttpStatusCode.BadRequest, again.Status);
        Assert.Equal("payment_intent_unexpected_state", again.Error.Str("code"));
        Assert.Single(stripe.Account.Charges());
    }

    [Fact]
    public async Task A_bank_account_with_a_non_usd_currency_is_a_currency_mismatch()
    {
        using var stripe = fixture.NewAccount();

        var response = await stripe.PostAsync("/v1/payment_intents",
            ("amount", "5000"), ("currency", "eur"), ("payment_method", "pm_usBankAccount"), ("payment_method_types[]", "us_bank_account"));

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("currency", response.Error.Str("param"));
        Assert.Contains("us_bank_account support the following currencies: usd", response.Error.Str("message"));
    }

    [Fact]
    public async Task A_payment_method_type_the_intent_does_not_allow_is_refused()
    {
        using var stripe = fixture.NewAccount();

        var response = await stripe.PostAsync("/v1/payment_intents",
            ("amount", "5000"), ("currency", "usd"), ("payment_method", "pm_usBankAccount"), ("payment_method_types[]", "card"));

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("payment_intent_invalid_parameter", response.Error.Str("code"));
    }

    [Fact]
    public async Task An_unrecognized_url_is_a_404_naming_it()
    {
        using var stripe = fixture.NewAccount();

        var response = await stripe.GetAsync("/v1/invoices_that_do_not_exist");

        Assert.Equal(HttpStatusCode.NotFound, response.Status);
        Assert.StartsWith("Unrecognized request URL (GET: /v1/invoices_that_do_not_exist)", response.Error.Str("message"));
    }
}
