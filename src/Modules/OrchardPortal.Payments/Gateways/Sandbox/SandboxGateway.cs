using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace OrchardPortal.Payments.Gateways.Sandbox;

/// <summary>
/// The offline gateway for tenants who have not connected Stripe: Stripe's test numbers and Stripe's rules
/// (idempotency, statuses, failure codes), state in the tenant's database, and no money ever moves. The
/// customer types a test number in our own form; <c>CreateCardMethodAsync</c> keeps only its brand,
/// last four and expiry and hands back a method id, after which the flow is the same as with Stripe.
/// </summary>
public sealed partial class SandboxGateway(SandboxStore store, TimeProvider clock, IOptions<SandboxOptions> options) : IPaymentGateway
{
    /// <summary>The next action of a Sandbox payment waiting for the "Complete authentication" step.</summary>
    public const string AuthenticateAction = "sandbox_authenticate";

    public GatewayKind Kind => GatewayKind.Sandbox;

    public bool IsTestMode => true;

    public Task<string> EnsureCustomerAsync(GatewayCustomerRequest request, CancellationToken cancellationToken) =>
        Task.FromResult("sbcus_" + request.CustomerId.ToString(CultureInfo.InvariantCulture));

    public async Task<PaymentResult> CreatePaymentAsync(PaymentRequest request, CancellationToken cancellationToken)
    {
        if (request.Amount <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(request), "A payment amount must be positive.");
        }

        var snapshot = await store.IdempotentAsync(request.IdempotencyKey, "create_payment", request, async db =>
        {
            var method = await db.Set<SandboxMethod>().FirstOrDefaultAsync(m => m.Id == request.PaymentMethodId, cancellationToken);
            if (method is null || (method.GatewayCustomerId is not null && method.GatewayCustomerId != request.GatewayCustomerId) || method.Kind != request.Kind)
            {
                throw new PaymentGatewayException("No such payment method.", "invalid_request");
            }

            var now = clock.GetUtcNow();
            var payment = new SandboxPayment
            {
                Id = NewId("sbpi"),
                GatewayCustomerId = request.GatewayCustomerId,
                MethodId = method.Id,
                Kind = method.Kind,
                Amount = request.Amount,
                Currency = request.Currency.ToUpperInvariant(),
                ClientSecret = NewId("secret"),
                CreatedUtc = now,
            };
            var failure = SandboxCards.ChargeFailure(method.Behaviour);
            if (failure is not null)
            {
                (payment.Status, payment.FailureCode) = (PaymentStatus.Failed, failure);
            }
            else if (method.Behaviour == SandboxBehaviour.Authenticate)
            {
                // A method saved through a setup was authenticated then; off-session, nobody is there to do it now.
                payment.Status = request.OffSession
                    ? method.GatewayCustomerId is null ? PaymentStatus.Failed : PaymentStatus.Succeeded
                    : PaymentStatus.RequiresAction;
                payment.FailureCode = payment.Status == PaymentStatus.Failed ? "authentication_required" : null;
            }
            else if (method.Kind == PaymentMethodKind.BankAccount)
            {
                (payment.Status, payment.SettlesUtc) = (PaymentStatus.Processing, now + options.Value.AchSettlementDelay);
            }
            else
            {
                payment.Status = PaymentStatus.Succeeded;
            }

            if (request.SaveMethod && payment.Status != PaymentStatus.Failed)
            {
                method.GatewayCustomerId = request.GatewayCustomerId;
            }

            db.Add(payment);
            return SandboxPaymentSnapshot.From(payment, method);
        }, cancellationToken);
        return snapshot.ToResult();
    }

    public async Task<PaymentResult> GetPaymentAsync(string paymentId, CancellationToken cancellationToken)
    {
        var snapshot = await store.RunAsync(async db =>
        {
            var payment = await db.Set<SandboxPayment>().FirstOrDefaultAsync(p => p.Id == paymentId, cancellationToken)
                ?? throw new PaymentGatewayException("No such payment.", "resource_missing");
            var method = await db.Set<SandboxMethod>().AsNoTracking().FirstOrDefaultAsync(m => m.Id == payment.MethodId, cancellationToken);
            Settle(payment, method);
            return SandboxPaymentSnapshot.From(payment, method);
        }, cancellationToken);
        return snapshot.ToResult();
    }

    /// <summary>
    /// The Sandbox's stand-in for 3-D Secure: the customer's browser presents the payment's client secret and
    /// says whether they completed or failed the check.
    /// </summary>
    public async Task<PaymentResult> CompleteAuthenticationAsync(string paymentId, string clientSecret, bool approved, CancellationToken cancellationToken)
    {
        var snapshot = await store.RunAsync(async db =>
        {
            var payment = await db.Set<SandboxPayment>().FirstOrDefaultAsync(p => p.Id == paymentId, cancellationToken);
            if (payment is null || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(payment.ClientSecret), Encoding.UTF8.GetBytes(clientSecret ?? "")))
            {
                throw new PaymentGatewayException("No such payment.", "resource_missing");
            }

            if (payment.Status == PaymentStatus.RequiresAction)
            {
                (payment.Status, payment.FailureCode) = approved ? (PaymentStatus.Succeeded, (string?)null) : (PaymentStatus.Failed, "authentication_required");
            }

            var method = await db.Set<SandboxMethod>().AsNoTracking().FirstOrDefaultAsync(m => m.Id == payment.MethodId, cancellationToken);
            return SandboxPaymentSnapshot.From(payment, method);
        }, cancellationToken);
        return snapshot.ToResult();
    }

    /// <summary>Test bank accounts verify instantly in the Sandbox, so there is never anything to verify: this reports the payment as it is.</summary>
    public Task<PaymentResult> VerifyMicrodepositsAsync(MicrodepositVerification request, CancellationToken cancellationToken) =>
        GetPaymentAsync(request.PaymentId, cancellationToken);

    public Task<SetupResult> CreateSetupAsync(SetupRequest request, CancellationToken cancellationToken) =>
        store.IdempotentAsync(request.IdempotencyKey, "create_setup", request, async db =>
        {
            var id = NewId("sbseti");
            var method = request.PaymentMethodId is null ? null : await db.Set<SandboxMethod>().FirstOrDefaultAsync(m => m.Id == request.PaymentMethodId, cancellationToken);
            if (method is null || method.Kind != request.Kind || (method.GatewayCustomerId is not null && method.GatewayCustomerId != request.GatewayCustomerId))
            {
                return new SetupResult(id, "requires_payment_method", null, null, "Enter a test card or bank account to save.");
            }

            if (SandboxCards.ChargeFailure(method.Behaviour) is { } failure)
            {
                return new SetupResult(id, "requires_payment_method", null, null, Gateways.Stripe.StripeErrorMessages.Describe(failure, null).CustomerMessage);
            }

            method.GatewayCustomerId = request.GatewayCustomerId;
            return new SetupResult(id, "succeeded", null, method.Id);
        }, cancellationToken);

    public Task<RefundResult> RefundAsync(RefundRequest request, CancellationToken cancellationToken) =>
        store.IdempotentAsync(request.IdempotencyKey, "create_refund", request, async db =>
        {
            var payment = await db.Set<SandboxPayment>().FirstOrDefaultAsync(p => p.Id == request.PaymentId, cancellationToken);
            if (payment is null || payment.Status != PaymentStatus.Succeeded)
            {
                throw new PaymentGatewayException("Only a succeeded payment can be refunded.", "invalid_request");
            }

            var amount = request.Amount ?? payment.Amount - payment.AmountRefunded;
            if (amount <= 0 || amount > payment.Amount - payment.AmountRefunded)
            {
                throw new PaymentGatewayException("The refund is more than what is left of the payment.", "invalid_request");
            }

            payment.AmountRefunded += amount;
            return new RefundResult(NewId("sbre"), payment.Id, amount, "succeeded");
        }, cancellationToken);

    internal static PaymentMethodSummary Summary(SandboxMethod method) => new(method.Kind, method.Brand, method.Last4, method.ExpMonth, method.ExpYear);

    /// <summary>A processing test debit settles (or fails) once its settlement time has passed, when someone looks.</summary>
    private void Settle(SandboxPayment payment, SandboxMethod? method)
    {
        if (payment.Status != PaymentStatus.Processing || payment.SettlesUtc is not { } settles || clock.GetUtcNow() < settles)
        {
            return;
        }

        (payment.Status, payment.FailureCode) = method?.Behaviour == SandboxBehaviour.AchFail
            ? (PaymentStatus.Failed, "no_account")
            : (PaymentStatus.Succeeded, null);
    }

    private static string NewId(string prefix) => prefix + "_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
}
