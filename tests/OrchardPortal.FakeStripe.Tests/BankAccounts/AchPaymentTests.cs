using System.Net;
using OrchardPortal.FakeStripe.Tests.Infrastructure;

namespace OrchardPortal.FakeStripe.Tests.BankAccounts;

public sealed class AchPaymentTests(FakeStripeFixture fixture) : IClassFixture<FakeStripeFixture>
{
    [Fact]
    public async Task An_ach_debit_is_processing_until_it_settles_then_succeeds_with_events()
    {
        using var stripe = fixture.NewAccount();

        var intent = (await stripe.PostAsync("/v1/payment_intents",
            ("amount", "12000"), ("currency", "usd"), ("payment_method", "pm_usBankAccount"),
            ("payment_method_types[]", "us_bank_account"), ("confirm", "true"))).Ok();

        Assert.Equal("processing", intent.Str("status"));
        Assert.Equal(0, intent.Json.Number("amount_received"));
        var charge = (await stripe.GetAsync($"/v1/charges/{intent.Str("latest_charge")}")).Ok();
        Assert.Equal("pending", charge.Str("status"));
        Assert.Equal("us_bank_account", charge.Json.Str("payment_method_details.type"));
        Assert.Equal(0, stripe.Account.SuccessfulChargeCount);

        Assert.Equal(1, stripe.Account.SettlePendingAch());

        var settled = (await stripe.GetAsync($"/v1/payment_intents/{intent.Str("id")}")).Ok();
        Assert.Equal("succeeded", settled.Str("status"));
        Assert.Equal(12000, settled.Json.Number("amount_received"));
        Assert.Equal(1, stripe.Account.SuccessfulChargeCount);
        Assert.Equal(
            ["payment_intent.created", "charge.pending", "payment_intent.processing", "charge.succeeded", "payment_intent.succeeded"],
            stripe.Account.Events().Select(e => e.Type));
    }

    [Fact]
    public async Task An_ach_debit_from_an_account_without_funds_fails_at_settlement()
    {
        using var stripe = fixture.NewAccount();
        var intent = (await stripe.PostAsync("/v1/payment_intents",
            ("amount", "12000"), ("currency", "usd"), ("payment_method", "pm_usBankAccount_insufficientFunds"),
            ("payment_method_types[]", "us_bank_account"), ("confirm", "true"))).Ok();
        Assert.Equal("processing", intent.Str("status"));

        stripe.Account.SettlePendingAch();

        var failed = (await stripe.GetAsync($"/v1/payment_intents/{intent.Str("id")}")).Ok();
        Assert.Equal("requires_payment_method", failed.Str("status"));
        Assert.Equal("insufficient_funds", failed.Json.Str("last_payment_error.code"));
        var charge = Assert.Single(stripe.Account.Charges());
        Assert.Equal("failed", charge.Status);
        Assert.Equal("insufficient_funds", charge.FailureCode);
        Assert.Equal("payment_intent.payment_failed", stripe.Account.Events()[^1].Type);
    }

    [Fact]
    public async Task Advancing_the_clock_past_the_settlement_date_settles_only_what_is_due()
    {
        await using var server = await FakeStripeServer.StartAsync();
        using var stripe = new StripeTestClient(server, "sk_test_clock" + Guid.NewGuid().ToString("N"));
        (await stripe.PostAsync("/v1/payment_intents",
            ("amount", "5000"), ("currency", "usd"), ("payment_method", "pm_usBankAccount"), ("confirm", "true"))).Ok();

        Assert.Equal(0, server.AdvanceClock(TimeSpan.FromDays(1)));
        Assert.Equal("processing", stripe.Account.PaymentIntents()[0].Status);

        Assert.Equal(1, server.AdvanceClock(TimeSpan.FromDays(4)));
        Assert.Equal("succeeded", stripe.Account.PaymentIntents()[0].Status);
    }

    [Fact]
    public async Task Failing_pending_debits_on_demand_bounces_them_with_the_given_code()
    {
        using var stripe = fixture.NewAccount();
        (await stripe.PostAsync("/v1/payment_intents",
            ("amount", "5000"), ("currency", "usd"), ("payment_method", "pm_usBankAccount"), ("confirm", "true"))).Ok();

        stripe.Account.FailPendingAch("account_closed");

        Assert.Equal("account_closed", Assert.Single(stripe.Account.Charges()).FailureCode);
        Assert.Equal("requires_payment_method", stripe.Account.PaymentIntents()[0].Status);
    }

    [Theory]
    [InlineData("amounts[]", "32", "amounts[]", "45")]
    [InlineData("amounts[0]", "45", "amounts[1]", "32")]
    [InlineData("descriptor_code", "SM11AA", null, null)]
    public async Task Micro_deposits_verified_with_Stripes_test_values_let_the_debit_proceed(string key1, string value1, string? key2, string? value2)
    {
        using var stripe = fixture.NewAccount();
        var customer = await stripe.CreateCustomerAsync();
        var intent = (await stripe.PostAsync("/v1/payment_intents",
            ("amount", "5000"), ("currency", "usd"), ("customer", customer), ("payment_method_types[]", "us_bank_account"),
            ("payment_method_data[type]", "us_bank_account"), ("payment_method_data[billing_details][name]", "Pat Doe"),
            ("payment_method_data[us_bank_account][routing_number]", "110000000"),
            ("payment_method_data[us_bank_account][account_number]", "000123456789"),
            ("payment_method_data[us_bank_account][account_holder_type]", "individual"),
            ("payment_method_options[us_bank_account][verification_method]", "microdeposits"), ("confirm", "true"))).Ok();
        Assert.Equal("requires_action", intent.Str("status"));
        Assert.Equal("verify_with_microdeposits", intent.Json.Str("next_action.type"));
        Assert.Equal("microdeposits", intent.Json.Str("payment_method_options.us_bank_account.verification_method"));

        (string, string)[] form = key2 is null ? [(key1, value1)] : [(key1, value1), (key2, value2!)];
        var verified = (await stripe.PostAsync($"/v1/payment_intents/{intent.Str("id")}/verify_microdeposits", form)).Ok();

        Assert.Equal("processing", verified.Str("status"));
        Assert.Null(verified.Json["next_action"]);
    }

    [Fact]
    public async Task Wrong_micro_deposit_amounts_are_refused_and_three_misses_use_up_the_verification()
    {
        using var stripe = fixture.NewAccount();
        var intent = (await stripe.PostAsync("/v1/payment_intents",
            ("amount", "5000"), ("currency", "usd"), ("payment_method", "pm_usBankAccount_microdeposits"), ("confirm", "true"))).Ok();
        var url = $"/v1/payment_intents/{intent.Str("id")}/verify_microdeposits";

        var wrong = await stripe.PostAsync(url, ("amounts[]", "10"), ("amounts[]", "11"));
        Assert.Equal(HttpStatusCode.BadRequest, wrong.Status);
        Assert.Equal("payment_method_microdeposit_verification_amounts_mismatch", wrong.Error.Str("code"));
        Assert.Equal("requires_action", (await stripe.GetAsync($"/v1/payment_intents/{intent.Str("id")}")).Ok().Str("status"));

        var wrongCode = await stripe.PostAsync(url, ("descriptor_code", "SM00XX"));
        Assert.Equal("payment_method_microdeposit_verification_descriptor_code_mismatch", wrongCode.Error.Str("code"));
        await stripe.PostAsync(url, ("amounts[]", "1"), ("amounts[]", "2"));

        var exhausted = await stripe.PostAsync(url, ("amounts[]", "32"), ("amounts[]", "45"));
        Assert.Equal(HttpStatusCode.BadRequest, exhausted.Status);
        Assert.Equal("requires_payment_method", (await stripe.GetAsync($"/v1/payment_intents/{intent.Str("id")}")).Ok().Str("status"));
        Assert.Empty(stripe.Account.Charges());
    }
}
