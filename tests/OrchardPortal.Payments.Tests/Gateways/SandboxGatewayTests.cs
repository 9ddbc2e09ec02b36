using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OrchardPortal.Core.Data;
using OrchardPortal.Payments.Gateways;
using OrchardPortal.Payments.Gateways.Sandbox;
using OrchardPortal.Payments.Tests.Infrastructure;
using OrchardPortal.Web.Testing;

namespace OrchardPortal.Payments.Tests.Gateways;

/// <summary>The offline Sandbox gateway in a real tenant: Stripe's test numbers, statuses and idempotency.</summary>
public sealed class SandboxGatewayTests(PaymentsApp app) : IClassFixture<PaymentsApp>
{
    private const string Customer = "sbcus_1";

    [Fact]
    public async Task The_4242_card_succeeds_and_only_brand_last_four_and_expiry_are_kept()
    {
        var tenant = await app.CreateTenantAsync();

        var (result, stored) = await WithSandboxAsync(tenant, async (sandbox, db) =>
        {
            var method = await CardAsync(sandbox, "4242 4242 4242 4242");
            var paid = await sandbox.CreatePaymentAsync(Payment(method, "pay:1"), CancellationToken.None);
            return (paid, await db.Set<SandboxMethod>().AsNoTracking().SingleAsync(m => m.Id == method));
        });

        var succeeded = Assert.IsType<PaymentSucceeded>(result);
        Assert.Equal(("Visa", "4242", 12), (succeeded.Method?.Brand, succeeded.Method?.Last4, succeeded.Method?.ExpMonth));
        Assert.Equal(("Visa", "4242"), (stored.Brand, stored.Last4));
    }

    [Theory]
    [InlineData("4000 0000 0000 0002", "card_declined")]
    [InlineData("4000000000009995", "insufficient_funds")]
    [InlineData("4000-0000-0000-0069", "expired_card")]
    public async Task Stripes_failing_test_cards_fail_with_their_reason(string number, string reason)
    {
        var tenant = await app.CreateTenantAsync();

        var result = await WithSandboxAsync(tenant, async (sandbox, _) =>
            await sandbox.CreatePaymentAsync(Payment(await CardAsync(sandbox, number), "pay:fail"), CancellationToken.None));

        var failed = Assert.IsType<PaymentFailed>(result);
        Assert.Equal(reason, failed.ReasonCode);
        Assert.False(string.IsNullOrWhiteSpace(failed.CustomerMessage));
    }

    [Fact]
    public async Task The_3155_card_needs_authentication_and_succeeds_once_completed()
    {
        var tenant = await app.CreateTenantAsync();

        var (first, completed, again) = await WithSandboxAsync(tenant, async (sandbox, _) =>
        {
            var action = Assert.IsType<PaymentRequiresAction>(await sandbox.CreatePaymentAsync(Payment(await CardAsync(sandbox, "4000002500003155"), "pay:3ds"), CancellationToken.None));
            var done = await sandbox.CompleteAuthenticationAsync(action.PaymentId!, action.ClientSecret, approved: true, CancellationToken.None);
            return (action, done, await sandbox.GetPaymentAsync(action.PaymentId!, CancellationToken.None));
        });

        Assert.Equal(SandboxGateway.AuthenticateAction, first.NextAction);
        Assert.IsType<PaymentSucceeded>(completed);
        Assert.IsType<PaymentSucceeded>(again);
    }

    [Fact]
    public async Task Authentication_cannot_be_completed_without_the_payments_client_secret()
    {
        var tenant = await app.CreateTenantAsync();

        var (error, status) = await WithSandboxAsync(tenant, async (sandbox, _) =>
        {
            var action = Assert.IsType<PaymentRequiresAction>(await sandbox.CreatePaymentAsync(Payment(await CardAsync(sandbox, "4000002500003155"), "pay:3ds-guess"), CancellationToken.None));
            var refused = await Assert.ThrowsAsync<PaymentGatewayException>(() => sandbox.CompleteAuthenticationAsync(action.PaymentId!, "secret_guess", approved: true, CancellationToken.None));
            return (refused, (await sandbox.GetPaymentAsync(action.PaymentId!, CancellationToken.None)).Status);
        });

        Assert.Equal("resource_missing", error.Code);
        Assert.Equal(PaymentStatus.RequiresAction, status);
    }

    [Theory]
    [InlineData("4111 1111 1111 1111", "test card numbers")]
    [InlineData("42", "Enter the card number")]
    public async Task Numbers_that_are_not_test_cards_are_refused_with_a_message(string number, string messagePart)
    {
        var tenant = await app.CreateTenantAsync();

        var (methodId, error) = await WithSandboxAsync(tenant, (sandbox, _) => sandbox.CreateCardMethodAsync(number, 12, DateTime.UtcNow.Year + 2, "123", CancellationToken.None));

        Assert.Null(methodId);
        Assert.Contains(messagePart, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_expiry_date_in_the_past_is_refused()
    {
        var tenant = await app.CreateTenantAsync();

        var (methodId, error) = await WithSandboxAsync(tenant, (sandbox, _) => sandbox.CreateCardMethodAsync("4242424242424242", 1, 2020, "123", CancellationToken.None));

        Assert.Null(methodId);
        Assert.Contains("expiration", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("000123456789", PaymentStatus.Succeeded)]
    [InlineData("000111111116", PaymentStatus.Failed)]
    public async Task Test_bank_accounts_are_processing_then_settle_or_fail(string account, PaymentStatus settled)
    {
        var tenant = await app.CreateTenantAsync();

        var (created, later) = await WithSandboxAsync(tenant, async (sandbox, _) =>
        {
            var (method, _) = await sandbox.CreateBankMethodAsync("110000000", account, CancellationToken.None);
            var first = await sandbox.CreatePaymentAsync(Payment(method!, "pay:ach") with { Kind = PaymentMethodKind.BankAccount }, CancellationToken.None);
            return (first, await sandbox.GetPaymentAsync(first.PaymentId!, CancellationToken.None));
        });

        Assert.IsType<PaymentProcessing>(created);
        Assert.Equal(settled, later.Status);
    }

    [Fact]
    public async Task The_same_key_and_parameters_return_the_first_payment()
    {
        var tenant = await app.CreateTenantAsync();

        var (first, second, count) = await WithSandboxAsync(tenant, async (sandbox, db) =>
        {
            var method = await CardAsync(sandbox, "4242424242424242");
            var a = await sandbox.CreatePaymentAsync(Payment(method, "pay:same"), CancellationToken.None);
            var b = await sandbox.CreatePaymentAsync(Payment(method, "pay:same"), CancellationToken.None);
            return (a, b, await db.Set<SandboxPayment>().CountAsync());
        });

        Assert.Equal(first.PaymentId, second.PaymentId);
        Assert.Equal(1, count);
    }

    [Fact]
    public async Task The_same_key_with_a_different_amount_is_refused()
    {
        var tenant = await app.CreateTenantAsync();

        var error = await WithSandboxAsync(tenant, async (sandbox, _) =>
        {
            var method = await CardAsync(sandbox, "4242424242424242");
            await sandbox.CreatePaymentAsync(Payment(method, "pay:changed"), CancellationToken.None);
            return await Assert.ThrowsAsync<PaymentGatewayException>(() => sandbox.CreatePaymentAsync(Payment(method, "pay:changed") with { Amount = 1 }, CancellationToken.None));
        });

        Assert.Equal("idempotency_key_reused", error.Code);
    }

    [Fact]
    public async Task Twenty_concurrent_requests_with_one_key_make_one_payment()
    {
        var tenant = await app.CreateTenantAsync();
        var method = await WithSandboxAsync(tenant, (sandbox, _) => CardAsync(sandbox, "4242424242424242"));

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => WithSandboxAsync(tenant, (sandbox, _) => sandbox.CreatePaymentAsync(Payment(method, "pay:race"), CancellationToken.None))));

        Assert.Single(results.Select(r => r.PaymentId).Distinct());
        Assert.Equal(1, await WithSandboxAsync(tenant, (_, db) => db.Set<SandboxPayment>().CountAsync()));
    }

    [Fact]
    public async Task Saved_methods_can_be_listed_made_default_and_removed()
    {
        var tenant = await app.CreateTenantAsync();

        var (listed, afterRemove) = await WithSandboxAsync(tenant, async (sandbox, _) =>
        {
            var visa = await sandbox.CreateSetupAsync(new SetupRequest(Customer, PaymentMethodKind.Card, "setup:visa", await CardAsync(sandbox, "4242424242424242")), CancellationToken.None);
            var mastercard = await sandbox.CreateSetupAsync(new SetupRequest(Customer, PaymentMethodKind.Card, "setup:mc", await CardAsync(sandbox, "5555555555554444")), CancellationToken.None);
            await sandbox.SetDefaultMethodAsync(Customer, mastercard.PaymentMethodId!, CancellationToken.None);
            var all = await sandbox.ListMethodsAsync(Customer, CancellationToken.None);
            Assert.False(await sandbox.RemoveMethodAsync("sbcus_2", visa.PaymentMethodId!, CancellationToken.None));
            Assert.True(await sandbox.RemoveMethodAsync(Customer, visa.PaymentMethodId!, CancellationToken.None));
            return (all, await sandbox.ListMethodsAsync(Customer, CancellationToken.None));
        });

        Assert.Equal([("Mastercard", true), ("Visa", false)], listed.Select(m => (m.Summary.Brand, m.IsDefault)).OrderBy(m => m.Brand));
        Assert.Equal(["Mastercard"], afterRemove.Select(m => m.Summary.Brand));
    }

    [Fact]
    public async Task A_declining_card_cannot_be_saved()
    {
        var tenant = await app.CreateTenantAsync();

        var setup = await WithSandboxAsync(tenant, async (sandbox, _) =>
            await sandbox.CreateSetupAsync(new SetupRequest(Customer, PaymentMethodKind.Card, "setup:declined", await CardAsync(sandbox, "4000000000000002")), CancellationToken.None));

        Assert.False(setup.Succeeded);
        Assert.Contains("declined", setup.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refunds_can_be_partial_then_full_but_never_more_than_was_paid()
    {
        var tenant = await app.CreateTenantAsync();

        var (part, rest, over) = await WithSandboxAsync(tenant, async (sandbox, _) =>
        {
            var paid = await sandbox.CreatePaymentAsync(Payment(await CardAsync(sandbox, "4242424242424242"), "pay:refund"), CancellationToken.None);
            var a = await sandbox.RefundAsync(new RefundRequest(paid.PaymentId!, 1000, "refund:a"), CancellationToken.None);
            var b = await sandbox.RefundAsync(new RefundRequest(paid.PaymentId!, null, "refund:b"), CancellationToken.None);
            var c = await Assert.ThrowsAsync<PaymentGatewayException>(() => sandbox.RefundAsync(new RefundRequest(paid.PaymentId!, 1, "refund:c"), CancellationToken.None));
            return (a, b, c);
        });

        Assert.Equal((1000, 1500), (part.Amount, rest.Amount));
        Assert.Equal("invalid_request", over.Code);
    }

    private Task<T> WithSandboxAsync<T>(TenantHandle tenant, Func<SandboxGateway, TenantDbContext, Task<T>> action) =>
        app.InTenantAsync(tenant, sp => action(sp.GetRequiredService<SandboxGateway>(), sp.GetRequiredService<TenantDbContext>()));

    private static async Task<string> CardAsync(SandboxGateway sandbox, string number)
    {
        var (id, error) = await sandbox.CreateCardMethodAsync(number, 12, DateTime.UtcNow.Year + 2, "123", CancellationToken.None);
        return id ?? throw new InvalidOperationException(error);
    }

    private static PaymentRequest Payment(string method, string key) => new()
    {
        IdempotencyKey = key,
        Amount = 2500,
        Currency = "USD",
        GatewayCustomerId = Customer,
        PaymentMethodId = method,
    };
}
