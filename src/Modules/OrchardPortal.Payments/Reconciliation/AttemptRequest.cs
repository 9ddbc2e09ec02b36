namespace OrchardPortal.Payments.Reconciliation;

/// <summary>
/// The exact gateway request of a portal payment attempt, saved before it is sent. If the process dies or the
/// gateway never answers, reconciliation sends the same request with the same idempotency key: the gateway
/// replays the payment it made (or makes it once). Holds only ids, amounts and metadata — never card data.
/// </summary>
public sealed class AttemptRequest
{
    public required string AttemptId { get; set; }

    /// <summary>The <see cref="Gateways.PaymentRequest"/> as JSON.</summary>
    public required string RequestJson { get; set; }

    public DateTimeOffset CreatedUtc { get; set; }
}
