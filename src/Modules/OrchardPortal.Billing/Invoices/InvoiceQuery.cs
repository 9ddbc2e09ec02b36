using OrchardPortal.Billing.Models;

namespace OrchardPortal.Billing.Invoices;

/// <summary>One page of the staff invoice list: search text (number, customer name or account number), status, page.</summary>
public sealed record InvoiceQuery
{
    public const int PageSize = 50;

    public string? Text { get; init; }

    public InvoiceStatus? Status { get; init; }

    public long? CustomerId { get; init; }

    public int Page { get; init; } = 1;
}

public sealed record InvoicePage(IReadOnlyList<Invoice> Items, int TotalCount, int Page)
{
    public int PageCount => Math.Max(1, (TotalCount + InvoiceQuery.PageSize - 1) / InvoiceQuery.PageSize);
}
