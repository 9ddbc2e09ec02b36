namespace OrchardPortal.Payments.Gateways;

/// <summary>
/// One payment provider as the payment flow sees it. Stripe and the offline Sandbox implement it with the
/// same semantics (idempotency keys, statuses, failure codes), so paying, autopay and refunds are written
/// once. Amounts are always computed by the server and passed in minor units. Get the tenant's gateway
/// from <see cref="PaymentGatewayResolver"/>.
/// </summary>
public interface IPaymentGateway
{
    /// <summary>Which gateway this is (<see cref="GatewayKind"/>), stored on every attempt it handles.</summary>
    GatewayKind Kind { get; }

    /// <summary>True when no real money moves (the Sandbox, or Stripe with a <c>sk_test_</c> key): the portal shows a banner.</summary>
    bool IsTestMode { get; }

    /// <summary>
    /// The gateway's customer for one of ours, created on first use. <paramref name="request"/>'s
    /// idempotency key should be derived from our customer id, so two first payments make one customer.
    /// </summary>
    Task<string> EnsureCustomerAsync(GatewayCustomerRequest request, CancellationToken cancellationToken);

    /// <summary>Creates and confirms a payment. Safe to repeat with the same key and parameters: the first result is returned again.</summary>
    Task<PaymentResult> CreatePaymentAsync(PaymentRequest request, CancellationToken cancellationToken);

    /// <summary>The payment's current, true status (for webhooks and reconciliation; never trust a browser's word).</summary>
    Task<PaymentResult> GetPaymentAsync(string paymentId, CancellationToken cancellationToken);

    /// <summary>Verifies the two micro-deposit amounts (or the descriptor code) of an ACH payment waiting for them.</summary>
    Task<PaymentResult> VerifyMicrodepositsAsync(MicrodepositVerification request, CancellationToken cancellationToken);

    /// <summary>Starts saving a payment method for later (off-session) use.</summary>
    Task<SetupResult> CreateSetupAsync(SetupRequest request, CancellationToken cancellationToken);

    Task<IReadOnlyList<SavedPaymentMethod>> ListMethodsAsync(string gatewayCustomerId, CancellationToken cancellationToken);

    /// <summary>Makes <paramref name="methodId"/> the customer's default method (autopay uses it).</summary>
    Task SetDefaultMethodAsync(string gatewayCustomerId, string methodId, CancellationToken cancellationToken);

    /// <summary>Removes a saved method; false when it does not belong to <paramref name="gatewayCustomerId"/>.</summary>
    Task<bool> RemoveMethodAsync(string gatewayCustomerId, string methodId, CancellationToken cancellationToken);

    /// <summary>Refunds all (amount null) or part of a succeeded payment.</summary>
    Task<RefundResult> RefundAsync(RefundRequest request, CancellationToken cancellationToken);
}

/// <summary>The gateways a tenant can choose in the admin.</summary>
public enum GatewayKind
{
    /// <summary>Offline, with Stripe's test card numbers; no money moves.</summary>
    Sandbox,

    Stripe,
}

/// <summary>
/// A gateway could not give an answer (network down after retries, bad API key, provider outage). The
/// outcome of a charge is then unknown: keep the attempt pending and reconcile it with the same idempotency key.
/// </summary>
public sealed class PaymentGatewayException(string message, string code, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>A stable code: <c>gateway_unavailable</c>, <c>invalid_api_key</c>, <c>idempotency_key_reused</c>, <c>invalid_request</c>, …</summary>
    public string Code { get; } = code;
}
