namespace OrchardPortal.Payments.Autopay.Models;

/// <summary>
/// One invoice's automatic charge for one due date: the claim row every node competes for. Its id
/// (<c>{invoice id}:{due date}</c>) is unique, so however many nodes plan the same invoice there is one row;
/// a node works on it only after a conditional update gave it the lease (<see cref="LeaseToken"/>). The gateway
/// idempotency key is derived from the id and <see cref="Attempts"/>, which only grows after a definite
/// failure, so a crash or an unanswered request always retries with the same key and can never charge twice.
/// </summary>
public sealed class AutopayCharge
{
    /// <summary><c>{invoice id}:{due date yyyyMMdd}</c>.</summary>
    public required string Id { get; set; }

    public long CustomerId { get; set; }

    public long InvoiceId { get; set; }

    /// <summary>The invoice number when planned (part of what the gateway is sent, so replays send the same).</summary>
    public required string InvoiceNumber { get; set; }

    public DateOnly DueDate { get; set; }

    public AutopayChargeStatus Status { get; set; }

    /// <summary>Charges that definitely failed so far (declined, authentication required, …).</summary>
    public int Attempts { get; set; }

    /// <summary>When a node may work on it next (now for a new row; after the retry interval after a failure).</summary>
    public DateTimeOffset NextAttemptUtc { get; set; }

    /// <summary>The node run holding it; with <see cref="LeaseUntilUtc"/> in the future nobody else touches it.</summary>
    public string? LeaseToken { get; set; }

    public DateTimeOffset? LeaseUntilUtc { get; set; }

    /// <summary>Minor units charged (or tried) last.</summary>
    public long Amount { get; set; }

    /// <summary>The saved method the current try uses, written before the try starts so a replay sends the same request.</summary>
    public string? MethodId { get; set; }

    /// <summary>The payment attempt of the latest try.</summary>
    public string? PaymentAttemptId { get; set; }

    /// <summary>Why the last try did not pay: a stable code (<c>insufficient_funds</c>, <c>gateway_unavailable</c>, …).</summary>
    public string? LastCode { get; set; }

    /// <summary>The plain sentence for staff and the customer.</summary>
    public string? LastMessage { get; set; }

    public DateTimeOffset? LastRunUtc { get; set; }

    /// <summary>Staff dismissed the failure from the "needs attention" list.</summary>
    public DateTimeOffset? AcknowledgedUtc { get; set; }

    public DateTimeOffset CreatedUtc { get; set; }

    public DateTimeOffset UpdatedUtc { get; set; }

    public int Version { get; set; }

    public static string IdFor(long invoiceId, DateOnly dueDate) =>
        $"{invoiceId.ToString(System.Globalization.CultureInfo.InvariantCulture)}:{dueDate.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture)}";

    /// <summary>The gateway idempotency key of the next try: the same until that try has a definite answer.</summary>
    public string IdempotencyKey => $"autopay:{Id}:{(Attempts + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)}";
}

public enum AutopayChargeStatus
{
    /// <summary>Due: to be charged by the next run.</summary>
    Scheduled,

    /// <summary>The last try failed; tried again at <see cref="AutopayCharge.NextAttemptUtc"/>.</summary>
    Retrying,

    /// <summary>The gateway did not answer: the same key is tried again later (never a new one).</summary>
    Unknown,

    Paid,

    /// <summary>A bank debit was accepted and settles in a few days (the webhook records it).</summary>
    Processing,

    /// <summary>Stopped after the last allowed try; staff were told.</summary>
    Failed,

    /// <summary>Nothing to charge any more: paid another way, voided, due date moved, or autopay turned off.</summary>
    Skipped,
}
