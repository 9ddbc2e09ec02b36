namespace OrchardPortal.Payments.Gateways.Sandbox;

/// <summary>A Sandbox payment, kept like Stripe keeps a PaymentIntent.</summary>
public sealed class SandboxPayment
{
    public required string Id { get; set; }

    public required string GatewayCustomerId { get; set; }

    public required string MethodId { get; set; }

    public PaymentMethodKind Kind { get; set; }

    public long Amount { get; set; }

    public required string Currency { get; set; }

    public PaymentStatus Status { get; set; }

    public string? FailureCode { get; set; }

    /// <summary>What the customer's browser presents to complete authentication; never shown to anyone else.</summary>
    public required string ClientSecret { get; set; }

    /// <summary>For ACH: when the debit settles (or fails, for the failing test account).</summary>
    public DateTimeOffset? SettlesUtc { get; set; }

    public long AmountRefunded { get; set; }

    public DateTimeOffset CreatedUtc { get; set; }
}

/// <summary>A Sandbox payment method: brand, last four and expiry only — the number itself is never stored.</summary>
public sealed class SandboxMethod
{
    public required string Id { get; set; }

    /// <summary>The customer it is saved for; null while it is a one-time method.</summary>
    public string? GatewayCustomerId { get; set; }

    public PaymentMethodKind Kind { get; set; }

    public required string Brand { get; set; }

    public required string Last4 { get; set; }

    public int? ExpMonth { get; set; }

    public int? ExpYear { get; set; }

    /// <summary>What the test number does when charged (<see cref="SandboxCards"/>).</summary>
    public SandboxBehaviour Behaviour { get; set; }

    public bool IsDefault { get; set; }

    public DateTimeOffset CreatedUtc { get; set; }
}

/// <summary>
/// A request already answered, by idempotency key: the same key with the same parameters gets the stored
/// answer again; with different parameters it is refused — as Stripe does.
/// </summary>
public sealed class SandboxRequest
{
    public required string IdempotencyKey { get; set; }

    /// <summary>SHA-256 of the operation and its parameters.</summary>
    public required string RequestHash { get; set; }

    public required string ResponseJson { get; set; }

    public DateTimeOffset CreatedUtc { get; set; }
}
