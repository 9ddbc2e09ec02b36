namespace OrchardPortal.Billing.Services;

/// <summary>
/// What staff (or a recipe) fill in for an invoice or an estimate. Amounts are already minor units;
/// the admin form turns typed text into this (<c>DocumentForm</c>). Totals are
/// never taken from here: the server computes them from the lines.
/// </summary>
public sealed class DocumentDraft
{
    public long CustomerId { get; set; }

    public long? PropertyId { get; set; }

    /// <summary>Blank for the next generated number.</summary>
    public string? Number { get; set; }

    public DateOnly IssueDate { get; set; }

    /// <summary>The invoice's due date or the estimate's expiry date.</summary>
    public DateOnly EndDate { get; set; }

    public string? Notes { get; set; }

    public List<LineDraft> Lines { get; set; } = [];
}

public sealed class LineDraft
{
    public string Description { get; set; } = "";

    public decimal Quantity { get; set; } = 1;

    public long UnitPrice { get; set; }

    /// <summary>Percent, e.g. 8.25.</summary>
    public decimal TaxRate { get; set; }
}

/// <summary>The outcome of a change: the document's id, or messages keyed by field ("" for the whole form).</summary>
public sealed record BillingResult(long Id, IReadOnlyDictionary<string, string> Errors, bool NotFound = false)
{
    public const string ConcurrencyMessage =
        "Someone else changed this while you were editing. Your changes were not saved: reload to see theirs, then make yours again.";

    private static readonly Dictionary<string, string> None = [];

    public bool Succeeded => Errors.Count == 0 && !NotFound;

    public static BillingResult Ok(long id) => new(id, None);

    public static BillingResult Invalid(IReadOnlyDictionary<string, string> errors, long id = 0) => new(id, errors);

    public static BillingResult Refused(string message, long id = 0) => new(id, new Dictionary<string, string> { [""] = message });

    public static BillingResult Missing(long id) => new(id, None, NotFound: true);

    public string? Message => Errors.TryGetValue("", out var message) ? message : Errors.Values.FirstOrDefault();
}
