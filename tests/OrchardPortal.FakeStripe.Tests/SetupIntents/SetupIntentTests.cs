using System.Net;
using OrchardPortal.FakeStripe.Tests.Infrastructure;

namespace OrchardPortal.FakeStripe.Tests.SetupIntents;

public sealed class SetupIntentTests(FakeStripeFixture fixture) : IClassFixture<FakeStripeFixture>
{
    [Fact]
    public async Task Setting_up_a_good_card_succeeds_and_attaches_it_for_off_session_charges()
    {
        using var stripe = fixture.NewAccount();
        var customer = await stripe.CreateCustomerAsync();

        var setup = (await stripe.PostAsync("/v1/setup_intents",
            ("customer", customer), ("payment_method", "pm_card_visa"), ("usage", "off_session"), ("confirm", "true"))).Ok();

        Assert.StartsWith("seti_", setup.Str("id"));
        Assert.Equal("succeeded", setup.Str("status"));
        var method = setup.Str("payment_method");
        Assert.Equal(customer, (await stripe.GetAsync($"/v1/payment_methods/{method}")).Ok().Str("customer"));
        Assert.Equal(["setup_intent.created", "payment_method.attached", "setup_intent.succeeded"],
            stripe.Account.Events().Where(e => e.Type != "customer.created").Select(e => e.Type));

        var autopay = (await stripe.PostAsync("/v1/payment_intents", ("amount", "3000"), ("currency", "usd"), ("customer", customer),
            ("payment_method", method), ("off_session", "true"), ("confirm", "true"))).Ok();
        Assert.Equal("succeeded", autopay.Str("status"));
    }

    [Fact]
    public async Task Setting_up_a_declined_card_fails_like_a_charge_and_saves_nothing()
    {
        using var stripe = fixture.NewAccount();
        var customer = await stripe.CreateCustomerAsync();
        var setup = (await stripe.PostAsync("/v1/setup_intents", ("customer", customer), ("payment_method", "pm_card_chargeDeclinedInsufficientFunds"))).Ok();
        Assert.Equal("requires_confirmation", setup.Str("status"));

        var failed = await stripe.PostAsync($"/v1/setup_intents/{setup.Str("id")}/confirm");

        Assert.Equal(HttpStatusCode.PaymentRequired, failed.Status);
        Assert.Equal("insufficient_funds", failed.Error.Str("decline_code"));
        Assert.Equal("requires_payment_method", failed.Error.Str("setup_intent.status"));
        Assert.Equal("insufficient_funds", failed.Error.Str("setup_intent.last_setup_error.decline_code"));
        Assert.Contains(stripe.Account.Events(), e => e.Type == "setup_intent.setup_failed");
        var saved = (await stripe.GetAsync($"/v1/customers/{customer}/payment_methods?type=card")).Ok();
        Assert.Empty(saved.Json["data"]!.AsArray());
    }

    [Fact]
    public async Task Setting_up_a_3d_secure_card_requires_action_until_authenticated()
    {
        using var stripe = fixture.NewAccount();
        var customer = await stripe.CreateCustomerAsync();

        var setup = (await stripe.PostAsync("/v1/setup_intents",
            ("customer", customer), ("payment_method", "pm_card_authenticationRequired"), ("confirm", "true"))).Ok();
        Assert.Equal("requires_action", setup.Str("status"));
        Assert.Equal("use_stripe_sdk", setup.Json.Str("next_action.type"));

        stripe.Account.CompleteAuthentication(setup.Str("id"));

        Assert.Equal("succeeded", (await stripe.GetAsync($"/v1/setup_intents/{setup.Str("id")}")).Ok().Str("status"));
    }

    [Fact]
    public async Task A_bank_account_set_up_with_micro_deposits_is_saved_once_verified()
    {
        using var stripe = fixture.NewAccount();
        var customer = await stripe.CreateCustomerAsync();
        var setup = (await stripe.PostAsync("/v1/setup_intents",
            ("customer", customer), ("payment_method_types[]", "us_bank_account"), ("payment_method", "pm_usBankAccount"),
            ("payment_method_options[us_bank_account][verification_method]", "microdeposits"), ("confirm", "true"))).Ok();
        Assert.Equal("requires_action", setup.Str("status"));
        Assert.Equal("verify_with_microdeposits", setup.Json.Str("next_action.type"));

        var wrong = await stripe.PostAsync($"/v1/setup_intents/{setup.Str("id")}/verify_microdeposits", ("amounts[]", "45"), ("amounts[]", "33"));
        Assert.Equal("payment_method_microdeposit_verification_amounts_mismatch", wrong.Error.Str("code"));

        var verified = (await stripe.PostAsync($"/v1/setup_intents/{setup.Str("id")}/verify_microdeposits", ("descriptor_code", "SM11AA"))).Ok();

        Assert.Equal("succeeded", verified.Str("status"));
        Assert.StartsWith("mandate_", verified.Str("mandate"));
        var saved = (await stripe.GetAsync($"/v1/payment_methods?customer={customer}&type=us_bank_account")).Ok();
        Assert.Equal("STRIPE TEST BANK", saved.Json["data"]![0]!.Str("us_bank_account.bank_name"));
    }
}
