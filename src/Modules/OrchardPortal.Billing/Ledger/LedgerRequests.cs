using OrchardPortal.Billing.Models;

namespace OrchardPortal.Billing.Ledger;

/// <summary>
/// A payment to record (<see cref="BillingLedger.RecordPaymentAsync"/>). The idempotency key names the
/// payment itself — use the gateway's id (e.g. <c>stripe:pi_123</c>) or the id of the customer's pay
/// attempt — so every path that learns about the same money (the browser's return, each webhook delivery,
/// a reconcile after a crash) uses the same key and the payment is recorded once.
/// </summary>
public sealed record PaymentRequest
{
    public required long CustomerId { get; init; }

    /// <summary>Minor units received; must be above zero.</summary>
    public required long Amount { get; init; }

    /// <summary>Null means the tenant's currency; anything else must equal it.</summary>
    public string? Currency { get; init; }

    public required PaymentMethodKind Method { get; init; }

    /// <summary>The gateway's reference (PaymentIntent id), or the check number for a check.</summary>
    public string? ExternalReference { get; init; }

    /// <summary>Unique per tenant (up to 200 characters); see the type's remarks.</summary>
    public required string IdempotencyKey { get; init; }

    /// <summary>The day the money was received in the tenant's calendar; null means today.</summary>
    public DateOnly? ReceivedDate { get; init; }

    /// <summary>How to apply it. Null: to the customer's open invoices, oldest due first.</summary>
    public IReadOnlyList<InvoiceAllocation>? Allocations { get; init; }

    public string? Note { get; init; }

    /// <summary>Who recorded it, for staff ("Stripe webhook", "Olivia Owner").</summary>
    public string? RecordedBy { get; init; }

    /// <summary>
    /// Runs inside the recording transaction, only when the payment is newly recorded (never for a
    /// duplicate), after its rows are added and before the commit. Enqueue the receipt email here with
    /// <see cref="Core.Email.IEmailOutbox.Enqueue"/>: the email then commits, or rolls back, with the payment.
    /// Do not call SaveChanges or start a transaction in it.
    /// </summary>
    public Func<Payment, CancellationToken, Task>? OnRecorded { get; init; }
}

/// <summary>Apply <paramref name="Amount"/> of the payment to one invoice of the same customer.</summary>
public sealed record InvoiceAllocation(long InvoiceId, long Amount);

public enum LedgerOutcome
{
    /// <summary>Recorded now.</summary>
    Recorded,

    /// <summary>The key was recorded before with the same customer, amount and currency: nothing new was written; the existing record is returned.</summary>
    AlreadyRecorded,

    /// <summary>Nothing was written; <see cref="PaymentResult.Error"/> says why (the request was invalid, or its key was used for different money).</summary>
    Refused,
}

public sealed record PaymentResult(LedgerOutcome Outcome, Payment? Payment, string? Error)
{
    public bool Succeeded => Outcome != LedgerOutcome.Refused;

    public static PaymentResult Refuse(string error) => new(LedgerOutcome.Refused, null, error);
}

/// <summary>A refund to record (<see cref="BillingLedger.RecordRefundAsync"/>); the key works as for payments (use the gateway's refund id).</summary>
public sealed record RefundRequest
{
    public required long PaymentId { get; init; }

    public required long Amount { get; init; }

    public required string IdempotencyKey { get; init; }

    public string? ExternalReference { get; init; }

    public string? Reason { get; init; }

    public DateOnly? Date { get; init; }

    /// <summary>As <see cref="PaymentRequest.OnRecorded"/>: runs in the transaction, only when newly recorded.</summary>
    public Func<Refund, CancellationToken, Task>? OnRecorded { get; init; }
}

public sealed record RefundResult(LedgerOutcome Outcome, Refund? Refund, string? Error)
{
    public bool Succeeded => Outcome != LedgerOutcome.Refused;

    public static RefundResult Refuse(string error) => new(LedgerOutcome.Refused, null, error);
}

/// <summary>What a set of invoices costs now, computed on the server: what payment code charges (never an amount from a form).</summary>
public sealed record AmountDue(long Amount, string Currency, IReadOnlyList<InvoiceDue> Invoices);

public sealed record InvoiceDue(long InvoiceId, string Number, DateOnly DueDate, long Balance);
