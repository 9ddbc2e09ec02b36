namespace OrchardPortal.Billing.Models;

/// <summary>
/// One row of a customer's account: the balance is the sum of <see cref="Amount"/> over their rows
/// (charges and refunds positive, payments and voids negative). Rows are only ever added, never changed.
/// </summary>
public sealed class LedgerEntry
{
    public long Id { get; set; }

    public long CustomerId { get; set; }

    public LedgerEntryKind Kind { get; set; }

    /// <summary>The business date (an invoice's issue date, a payment's received date) in the tenant's calendar.</summary>
    public DateOnly Date { get; set; }

    /// <summary>Signed minor units: what this row adds to what the customer owes.</summary>
    public long Amount { get; set; }

    /// <summary>What the customer recognises: the invoice number, "Check 1042", the gateway's reference.</summary>
    public required string Reference { get; set; }

    public required string Description { get; set; }

    public long? InvoiceId { get; set; }

    public long? PaymentId { get; set; }

    public long? RefundId { get; set; }

    public DateTimeOffset CreatedUtc { get; set; }
}

public enum LedgerEntryKind
{
    Charge,
    Payment,
    Refund,
    Void,
    Adjustment,
}

/// <summary>How a payment was made.</summary>
public enum PaymentMethodKind
{
    Card,
    Ach,
    Cash,
    Check,
    Other,
}

/// <summary>Money received from a customer. Unique by <see cref="IdempotencyKey"/>: the same payment is never recorded twice.</summary>
public sealed class Payment
{
    public long Id { get; set; }

    public long CustomerId { get; set; }

    public long Amount { get; set; }

    public required string Currency { get; set; }

    public PaymentMethodKind Method { get; set; }

    /// <summary>The gateway's id (a PaymentIntent id) or a check number: what finds it elsewhere.</summary>
    public string? ExternalReference { get; set; }

    public required string IdempotencyKey { get; set; }

    public DateOnly ReceivedDate { get; set; }

    public string? Note { get; set; }

    /// <summary>Who recorded it ("Stripe webhook", a staff member's name).</summary>
    public string? RecordedBy { get; set; }

    public long RefundedAmount { get; set; }

    /// <summary>What was not applied to an invoice (paid more than was owed): a credit on the account.</summary>
    public long Unapplied { get; set; }

    public DateTimeOffset CreatedUtc { get; set; }

    public int Version { get; set; }

    public List<PaymentAllocation> Allocations { get; set; } = [];

    public bool IsOnline => Method is PaymentMethodKind.Card or PaymentMethodKind.Ach;
}

/// <summary>The part of a payment applied to one invoice (less what was refunded of it).</summary>
public sealed class PaymentAllocation
{
    public long Id { get; set; }

    public long PaymentId { get; set; }

    public long InvoiceId { get; set; }

    public long Amount { get; set; }

    public long RefundedAmount { get; set; }
}

/// <summary>Money given back on a payment. Unique by <see cref="IdempotencyKey"/>.</summary>
public sealed class Refund
{
    public long Id { get; set; }

    public long PaymentId { get; set; }

    public long CustomerId { get; set; }

    public long Amount { get; set; }

    public required string IdempotencyKey { get; set; }

    public string? ExternalReference { get; set; }

    public string? Reason { get; set; }

    public DateOnly Date { get; set; }

    public DateTimeOffset CreatedUtc { get; set; }
}
