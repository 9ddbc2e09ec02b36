namespace OrchardPortal.Payments.InvoiceLinks;

/// <summary>
/// An emailed "view and pay" link for one invoice, opened without signing in. Only the SHA-256 hash of its
/// token is stored (with the tenant's name mixed in), so a copy of the table opens nothing, and the row lives in
/// the tenant's own database, so another tenant's host cannot find it. It shows and pays this one invoice only.
/// </summary>
public sealed class InvoiceLink
{
    public long Id { get; set; }

    /// <summary>Lower-case hex SHA-256 of <c>"{tenant}:{token}"</c>; unique.</summary>
    public required string TokenHash { get; set; }

    public long InvoiceId { get; set; }

    public long CustomerId { get; set; }

    /// <summary>The address the link was emailed to (for staff; never shown on the link page).</summary>
    public required string SentTo { get; set; }

    public DateTimeOffset CreatedUtc { get; set; }

    /// <summary>After this the link shows "expired" and pays nothing (default 60 days after sending).</summary>
    public DateTimeOffset ExpiresUtc { get; set; }
}
