namespace OrchardPortal.FakeStripe.Control;

/// <summary>A PaymentIntent as a test sees it (a copy: it does not change afterwards).</summary>
public sealed record PaymentIntentView(
    string Id,
    string Status,
    long Amount,
    string Currency,
    long AmountReceived,
    string? CustomerId,
    string? PaymentMethodId,
    string? LatestChargeId,
    IReadOnlyDictionary<string, string> Metadata,
    long Created);

/// <summary>A charge as a test sees it: succeeded, pending (ACH) or failed.</summary>
public sealed record ChargeView(
    string Id,
    string PaymentIntentId,
    string Status,
    long Amount,
    string Currency,
    long AmountRefunded,
    string? CustomerId,
    string PaymentMethodId,
    string? FailureCode,
    IReadOnlyDictionary<string, string> Metadata);

/// <summary>An Event: its type, the id of the object it is about, and its JSON exactly as delivered.</summary>
public sealed record EventView(string Id, string Type, string ObjectId, long Created, string Json);
