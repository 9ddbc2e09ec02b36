using OrchardPortal.FakeStripe.State;
using OrchardPortal.Payments.Gateways;
using OrchardPortal.Payments.Tests.Infrastructure;

namespace OrchardPortal.Payments.Tests.Gateways;

/// <summary>Our Stripe client and gateway against the fake Stripe server: every call, statuses, idempotency and retries.</summary>
public sealed class StripeGatewayTests(FakeStripeFixture stripe) : IClassFixture<FakeStripeFixture>
{
    [Fact]
    public async Task A_card_payment_succeeds_with_the_cards_brand_and_last_four()
    {
        var (gateway, key, customer) = await NewCustomerAsync();

        var result = await gateway.CreatePaymentAsync(Payment(customer, "pm_card_visa", "pay:pa_card"), CancellationToken.None);

        var succeeded = Assert.IsType<PaymentSucceeded>(result);
        Assert.Equal(2500, succeeded.Amount);
        Assert.Equal(("visa", "4242"), (succeeded.Method?.Brand, succeeded.Method?.Last4));
        Assert.Equal(1, stripe.Server.Account(key).SuccessfulChargeCount);
    }

    [Fact]
    public async Task The_same_key_and_parameters_replay_the_first_payment_and_charge_once()
    {
        var (gateway, key, customer) = await NewCustomerAsync();

        var first = await gateway.CreatePaymentAsync(Payment(customer, "pm_card_visa", "pay:pa_twice"), CancellationToken.None);
        var second = await gateway.CreatePaymentAsync(Payment(customer, "pm_card_visa", "pay:pa_twice"), CancellationToken.None);

        Assert.Equal(first.PaymentId, second.PaymentId);
        Assert.Single(stripe.Server.Account(key).PaymentIntents());
        Assert.Equal(1, stripe.Server.Account(key).SuccessfulChargeCount);
    }

    [Fact]
    public async Task The_same_key_with_a_different_amount_is_refused()
    {
        var (gateway, key, customer) = await NewCustomerAsync();
        await gateway.CreatePaymentAsync(Payment(customer, "pm_card_visa", "pay:pa_changed"), CancellationToken.None);

        var error = await Assert.ThrowsAsync<PaymentGatewayException>(() =>
            gateway.CreatePaymentAsync(Payment(customer, "pm_card_visa", "pay:pa_changed") with { Amount = 9999 }, CancellationToken.None));

        Assert.Equal("idempotency_key_reused", error.Code);
        Assert.Equal(1, stripe.Server.Account(key).SuccessfulChargeCount);
    }

    [Theory]
    [InlineData("pm_card_chargeDeclined", "card_declined", "declined")]
    [InlineData("pm_card_chargeDeclinedInsufficientFunds", "insufficient_funds", "insufficient funds")]
    [InlineData("pm_card_chargeDeclinedExpiredCard", "expired_card", "expired")]
    public async Task A_402_decline_becomes_a_failed_payment_with_its_reason(string method, string reason, string messagePart)
    {
        var (gateway, key, customer) = await NewCustomerAsync();

        var result = await gateway.CreatePaymentAsync(Payment(customer, method, "pay:pa_decline"), CancellationToken.None);

        var failed = Assert.IsType<PaymentFailed>(result);
        Assert.Equal(reason, failed.ReasonCode);
        Assert.Contains(messagePart, failed.CustomerMessage, StringComparison.OrdinalIgnoreCase);
        Assert.NotNull(failed.PaymentId);
        Assert.Equal(0, stripe.Server.Account(key).SuccessfulChargeCount);
        // Re-reading the intent gives the same answer (reconciliation sees the decline too).
        Assert.Equal(reason, Assert.IsType<PaymentFailed>(await gateway.GetPaymentAsync(failed.PaymentId!, CancellationToken.None)).ReasonCode);
    }

    [Fact]
    public async Task A_card_needing_3d_secure_asks_for_action_and_succeeds_once_authenticated()
    {
        var (gateway, key, customer) = await NewCustomerAsync();

        var result = await gateway.CreatePaymentAsync(Payment(customer, "pm_card_authenticationRequired", "pay:pa_3ds"), CancellationToken.None);

        var action = Assert.IsType<PaymentRequiresAction>(result);
        Assert.StartsWith(action.PaymentId + "_secret", action.ClientSecret, StringComparison.Ordinal);
        stripe.Server.Account(key).CompleteAuthentication(action.PaymentId!);
        Assert.IsType<PaymentSucceeded>(await gateway.GetPaymentAsync(action.PaymentId!, CancellationToken.None));
    }

    [Fact]
    public async Task Off_session_a_card_needing_authentication_fails_instead_of_waiting()
    {
        var (gateway, _, customer) = await NewCustomerAsync();

        var result = await gateway.CreatePaymentAsync(Payment(customer, "pm_card_authenticationRequired", "pay:pa_off") with { OffSession = true }, CancellationToken.None);

        Assert.Equal("authentication_required", Assert.IsType<PaymentFailed>(result).ReasonCode);
    }

    [Fact]
    public async Task An_ach_debit_is_processing_until_it_settles()
    {
        var (gateway, key, customer) = await NewCustomerAsync();

        var result = await gateway.CreatePaymentAsync(Payment(customer, "pm_usBankAccount", "pay:pa_ach") with { Kind = PaymentMethodKind.BankAccount, CustomerIpAddress = "203.0.113.9", CustomerUserAgent = "test" }, CancellationToken.None);

        var processing = Assert.IsType<PaymentProcessing>(result);
        Assert.Equal(PaymentMethodKind.BankAccount, processing.Method?.Kind);
        Assert.Equal(1, stripe.Server.Account(key).SettlePendingAch());
        Assert.IsType<PaymentSucceeded>(await gateway.GetPaymentAsync(processing.PaymentId!, CancellationToken.None));
    }

    [Fact]
    public async Task An_ach_debit_that_bounces_reads_as_failed_with_the_banks_reason()
    {
        var (gateway, key, customer) = await NewCustomerAsync();
        var processing = await gateway.CreatePaymentAsync(Payment(customer, "pm_usBankAccount_insufficientFunds", "pay:pa_bounce") with { Kind = PaymentMethodKind.BankAccount, CustomerIpAddress = "203.0.113.9" }, CancellationToken.None);

        stripe.Server.Account(key).SettlePendingAch();

        Assert.Equal("insufficient_funds", Assert.IsType<PaymentFailed>(await gateway.GetPaymentAsync(processing.PaymentId!, CancellationToken.None)).ReasonCode);
    }

    [Fact]
    public async Task Micro_deposits_are_asked_for_then_verified_with_the_two_amounts()
    {
        var (gateway, _, customer) = await NewCustomerAsync();
        var result = await gateway.CreatePaymentAsync(Payment(customer, "pm_usBankAccount_microdeposits", "pay:pa_micro") with { Kind = PaymentMethodKind.BankAccount, CustomerIpAddress = "203.0.113.9" }, CancellationToken.None);
        var action = Assert.IsType<PaymentRequiresAction>(result);
        Assert.Equal("verify_with_microdeposits", action.NextAction);

        var wrong = await gateway.VerifyMicrodepositsAsync(new MicrodepositVerification(action.PaymentId!, [10, 11], null, "verify:1"), CancellationToken.None);
        var right = await gateway.VerifyMicrodepositsAsync(new MicrodepositVerification(action.PaymentId!, [32, 45], null, "verify:2"), CancellationToken.None);

        Assert.IsType<PaymentRequiresAction>(wrong);
        Assert.IsType<PaymentProcessing>(right);
    }

    [Fact]
    public async Task Server_errors_are_retried_with_the_same_key_and_charge_once()
    {
        var (gateway, key, customer) = await NewCustomerAsync();
        stripe.Server.Account(key).FailNextRequests(2, FaultKind.ServerErrorBeforeExecution, "/v1/payment_intents");

        var result = await gateway.CreatePaymentAsync(Payment(customer, "pm_card_visa", "pay:pa_retry"), CancellationToken.None);

        Assert.IsType<PaymentSucceeded>(result);
        // Two refused before running, then the one that ran: three requests, one key.
        Assert.Equal(3, stripe.Server.Account(key).Requests().Count(r => r.IdempotencyKey == "pay:pa_retry"));
        Assert.Equal(1, stripe.Server.Account(key).SuccessfulChargeCount);
    }

    [Fact]
    public async Task A_lost_response_after_the_charge_is_recovered_by_the_retry_without_a_second_charge()
    {
        var (gateway, key, customer) = await NewCustomerAsync();
        stripe.Server.Account(key).FailNextRequests(1, FaultKind.HangAfterExecution, "/v1/payment_intents");

        var result = await gateway.CreatePaymentAsync(Payment(customer, "pm_card_visa", "pay:pa_lost"), CancellationToken.None);

        Assert.IsType<PaymentSucceeded>(result);
        Assert.Single(stripe.Server.Account(key).PaymentIntents());
        Assert.Equal(1, stripe.Server.Account(key).SuccessfulChargeCount);
    }

    [Fact]
    public async Task Saved_methods_can_be_listed_made_default_and_removed()
    {
        var (gateway, _, customer) = await NewCustomerAsync();
        var visa = await gateway.CreateSetupAsync(new SetupRequest(customer, PaymentMethodKind.Card, "setup:1", "pm_card_visa"), CancellationToken.None);
        var mastercard = await gateway.CreateSetupAsync(new SetupRequest(customer, PaymentMethodKind.Card, "setup:2", "pm_card_mastercard"), CancellationToken.None);
        Assert.True(visa.Succeeded && mastercard.Succeeded);

        await gateway.SetDefaultMethodAsync(customer, mastercard.PaymentMethodId!, CancellationToken.None);
        var listed = await gateway.ListMethodsAsync(customer, CancellationToken.None);
        Assert.Equal([("visa", false), ("mastercard", true)], listed.Select(m => (m.Summary.Brand, m.IsDefault)).OrderByDescending(m => m.Brand == "visa"));

        Assert.True(await gateway.RemoveMethodAsync(customer, visa.PaymentMethodId!, CancellationToken.None));
        Assert.Equal(["mastercard"], (await gateway.ListMethodsAsync(customer, CancellationToken.None)).Select(m => m.Summary.Brand));
    }

    [Fact]
    public async Task Another_customers_method_cannot_be_removed()
    {
        var (gateway, _, customer) = await NewCustomerAsync();
        var other = await gateway.EnsureCustomerAsync(new GatewayCustomerRequest(2, "Other", null, "customer:2"), CancellationToken.None);
        var saved = await gateway.CreateSetupAsync(new SetupRequest(other, PaymentMethodKind.Card, "setup:other", "pm_card_visa"), CancellationToken.None);

        Assert.False(await gateway.RemoveMethodAsync(customer, saved.PaymentMethodId!, CancellationToken.None));
        Assert.Single(await gateway.ListMethodsAsync(other, CancellationToken.None));
    }

    [Fact]
    public async Task A_payment_can_be_refunded_in_part_then_in_full()
    {
        var (gateway, key, customer) = await NewCustomerAsync();
        var paid = await gateway.CreatePaymentAsync(Payment(customer, "pm_card_visa", "pay:pa_refund"), CancellationToken.None);

        var part = await gateway.RefundAsync(new RefundRequest(paid.PaymentId!, 1000, "refund:1"), CancellationToken.None);
        var rest = await gateway.RefundAsync(new RefundRequest(paid.PaymentId!, null, "refund:2"), CancellationToken.None);

        Assert.Equal((1000, "succeeded"), (part.Amount, part.Status));
        Assert.Equal(1500, rest.Amount);
        Assert.Equal(2500, stripe.Server.Account(key).Charges().Single().AmountRefunded);
    }

    [Fact]
    public async Task Creating_the_same_customer_twice_with_one_key_makes_one_customer()
    {
        var gateway = stripe.Gateway(FakeStripeFixture.NewKey());
        var request = new GatewayCustomerRequest(7, "Pat Doe", "pat@example.com", "customer:7");

        Assert.Equal(await gateway.EnsureCustomerAsync(request, CancellationToken.None), await gateway.EnsureCustomerAsync(request, CancellationToken.None));
    }

    [Fact]
    public async Task Check_connection_passes_with_a_key_the_server_accepts()
    {
        await stripe.Gateway(FakeStripeFixture.NewKey()).CheckConnectionAsync(CancellationToken.None);
    }

    private async Task<(IPaymentGateway Gateway, string Key, string Customer)> NewCustomerAsync()
    {
        var key = FakeStripeFixture.NewKey();
        var gateway = stripe.Gateway(key);
        var customer = await gateway.EnsureCustomerAsync(new GatewayCustomerRequest(1, "Pat Doe", "pat@example.com", "customer:1"), CancellationToken.None);
        return (gateway, key, customer);
    }

    private static PaymentRequest Payment(string customer, string method, string key) => new()
    {
        IdempotencyKey = key,
        Amount = 2500,
        Currency = "USD",
        GatewayCustomerId = customer,
        PaymentMethodId = method,
        Metadata = new Dictionary<string, string> { ["attempt_id"] = key },
    };
}
