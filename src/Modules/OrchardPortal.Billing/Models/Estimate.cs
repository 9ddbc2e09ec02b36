namespace OrchardPortal.Billing.Models;

/// <summary>
/// A quote to one customer, the same shape as an invoice. The customer approves it by typing their
/// name (kept with the time and IP address) or declines it with a comment. "Expired" is not stored: a
/// sent estimate past its expiry date reads as expired (<see cref="EstimateStatusRule"/>).
/// </summary>
public sealed class Estimate
{
    public long Id { get; set; }

    public required string Number { get; set; }

    public string NumberKey { get; set; } = "";

    public long CustomerId { get; set; }

    public string CustomerName { get; set; } = "";

    public string SearchText { get; set; } = "";

    public long? PropertyId { get; set; }

    public string? PropertyText { get; set; }

    public DateOnly IssueDate { get; set; }

    public DateOnly ExpiryDate { get; set; }

    public required string Currency { get; set; }

    public long Subtotal { get; set; }

    public long Tax { get; set; }

    public long Total { get; set; }

    /// <summary>Draft until staff send it; then Sent, Approved or Declined.</summary>
    public EstimateStatus Status { get; set; } = EstimateStatus.Draft;

    public DateTimeOffset? SentUtc { get; set; }

    /// <summary>The name the customer typed as their signature.</summary>
    public string? SignedName { get; set; }

    public DateTimeOffset? DecidedUtc { get; set; }

    public string? DecidedIp { get; set; }

    public string? DeclineComment { get; set; }

    public string? Notes { get; set; }

    public DateTimeOffset CreatedUtc { get; set; }

    public DateTimeOffset UpdatedUtc { get; set; }

    public int Version { get; set; }

    public List<EstimateLine> Lines { get; set; } = [];
}

public sealed class EstimateLine : ILineItem
{
    public long Id { get; set; }

    public long EstimateId { get; set; }

    public int Position { get; set; }

    public required string Description { get; set; }

    public decimal Quantity { get; set; }

    public long UnitPrice { get; set; }

    public decimal TaxRate { get; set; }

    public long Amount { get; set; }

    public long LineTax { get; set; }
}

public enum EstimateStatus
{
    Draft,
    Sent,
    Approved,
    Declined,
    Expired,
}

public static class EstimateStatusRule
{
    /// <summary>What the estimate is on <paramref name="today"/> (the tenant's date): a sent one past its expiry date is Expired.</summary>
    public static EstimateStatus Of(Estimate estimate, DateOnly today) =>
        estimate.Status == EstimateStatus.Sent && estimate.ExpiryDate < today ? EstimateStatus.Expired : estimate.Status;
}
