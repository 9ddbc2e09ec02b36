using OrchardPortal.Payments.Gateways;

namespace OrchardPortal.Payments.Attempts;

/// <summary>
/// One try at taking money, written before the gateway is called. Its unique <see cref="IdempotencyKey"/> is
/// the gateway's idempotency key too, so concurrent submits, retries and reconciliation after a crash all
/// reach the same single charge. <see cref="Status"/> only ever moves forward (<see cref="PaymentStatusOrder"/>).
/// </summary>
public sealed class PaymentAttempt
{
    /// <summary>Our id, e.g. <c>pa_3f…</c>; the gateway stores it in the payment's metadata.</summary>
    public required string Id { get; set; }

    public required string IdempotencyKey { get; set; }

    public long CustomerId { get; set; }

    public GatewayKind Gateway { get; set; }

    public PaymentMethodKind MethodKind { get; set; }

    /// <summary>The gateway's payment id (<c>pi_…</c>) once known.</summary>
    public string? GatewayPaymentId { get; set; }

    public long Amount { get; set; }

    public required string Currency { get; set; }

    /// <summary>How the payment is split over invoices (JSON array of <see cref="AttemptAllocation"/>), computed by the server when the attempt began.</summary>
    public string AllocationsJson { get; set; } = "[]";

    /// <summary>True for autopay charges (off-session).</summary>
    public bool OffSession { get; set; }

    public PaymentStatus Status { get; set; }

    public string? FailureCode { get; set; }

    public string? FailureMessage { get; set; }

    /// <summary>What the customer paid with, e.g. "Visa •••• 4242".</summary>
    public string? MethodDescription { get; set; }

    public DateTimeOffset CreatedUtc { get; set; }

    public DateTimeOffset UpdatedUtc { get; set; }

    /// <summary>When the succeeded payment was recorded against the customer's invoices (once only).</summary>
    public DateTimeOffset? RecordedUtc { get; set; }

    public int Version { get; set; }
}

/// <summary>Our customer's id at a gateway (Stripe's <c>cus_…</c>), created once.</summary>
public sealed class GatewayCustomer
{
    public long CustomerId { get; set; }

    public GatewayKind Gateway { get; set; }

    /// <summary>Stripe keys in test and live mode see different customers.</summary>
    public required string Mode { get; set; }

    /// <summary>The gateway's id for the customer (Stripe's <c>cus_…</c>).</summary>
    public required string ExternalId { get; set; }
}
