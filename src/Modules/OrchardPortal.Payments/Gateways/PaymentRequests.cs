namespace OrchardPortal.Payments.Gateways;

/// <summary>Who the gateway customer is for.</summary>
public sealed record GatewayCustomerRequest(long CustomerId, string Name, string? Email, string IdempotencyKey);

/// <summary>ACH (a US bank account) or a card.</summary>
public enum PaymentMethodKind
{
    Card,
    BankAccount,
}

/// <summary>
/// A charge. <see cref="IdempotencyKey"/> comes from our own attempt row so a retry, a double click or a
/// reconciliation after a crash reuses it and can never charge twice.
/// </summary>
public sealed record PaymentRequest
{
    public required string IdempotencyKey { get; init; }

    /// <summary>Minor units, computed by the server (never taken from a form).</summary>
    public required long Amount { get; init; }

    /// <summary>ISO 4217, e.g. "USD".</summary>
    public required string Currency { get; init; }

    public required string GatewayCustomerId { get; init; }

    /// <summary>The method: one the browser just produced (on-session) or a saved one (off-session).</summary>
    public required string PaymentMethodId { get; init; }

    public PaymentMethodKind Kind { get; init; } = PaymentMethodKind.Card;

    /// <summary>True for autopay: nobody is there to authenticate, so a method needing it fails instead.</summary>
    public bool OffSession { get; init; }

    /// <summary>Keep the method for later use (on-session payments where the customer ticked "save").</summary>
    public bool SaveMethod { get; init; }

    public string? Description { get; init; }

    /// <summary>Where the customer returns after an authentication redirect (Stripe's <c>return_url</c>).</summary>
    public string? ReturnUrl { get; init; }

    /// <summary>The paying customer's IP address and browser, recorded as their ACH debit mandate acceptance (on-session bank payments).</summary>
    public string? CustomerIpAddress { get; init; }

    public string? CustomerUserAgent { get; init; }

    /// <summary>Our references (attempt id, invoice numbers), stored with the payment at the gateway.</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; init; } = new Dictionary<string, string>();
}

/// <summary>The two micro-deposit amounts in cents, or the 6-character descriptor code starting "SM".</summary>
public sealed record MicrodepositVerification(string PaymentId, IReadOnlyList<long>? Amounts, string? DescriptorCode, string IdempotencyKey);

/// <summary>Save a method for later.</summary>
public sealed record SetupRequest(string GatewayCustomerId, PaymentMethodKind Kind, string IdempotencyKey, string? PaymentMethodId = null);

/// <summary>A full (<see cref="Amount"/> null) or partial refund.</summary>
public sealed record RefundRequest(string PaymentId, long? Amount, string IdempotencyKey, string? Reason = null);
