namespace OrchardPortal.Billing.Models;

/// <summary>
/// A bill to one customer. Amounts are minor units of <see cref="Currency"/>. <see cref="Status"/> is
/// stored for the list's filter but always derived (<see cref="InvoiceStatusRule"/>): staff never type it.
/// Other modules read invoices through <see cref="Invoices.InvoiceService"/> or <see cref="Ledger.BillingLedger"/>.
/// </summary>
public sealed class Invoice
{
    public long Id { get; set; }

    /// <summary>As typed or generated (<c>INV-000123</c>).</summary>
    public required string Number { get; set; }

    /// <summary>The upper-cased number: unique per tenant.</summary>
    public string NumberKey { get; set; } = "";

    public long CustomerId { get; set; }

    /// <summary>The customer's display name when the invoice was last saved (lists and search need it without reading Customers' tables).</summary>
    public string CustomerName { get; set; } = "";

    /// <summary>Lower-cased number, customer name and account number: what the list's search matches.</summary>
    public string SearchText { get; set; } = "";

    /// <summary>The customer's service address id (one of their properties), if the invoice is for one.</summary>
    public long? PropertyId { get; set; }

    /// <summary>The property's address as it read when saved.</summary>
    public string? PropertyText { get; set; }

    public DateOnly IssueDate { get; set; }

    public DateOnly DueDate { get; set; }

    public required string Currency { get; set; }

    public long Subtotal { get; set; }

    public long Tax { get; set; }

    public long Total { get; set; }

    /// <summary>Payments allocated to this invoice less refunds of them; kept in the same transaction as the allocation rows.</summary>
    public long AmountPaid { get; set; }

    public long Balance => Status == InvoiceStatus.Void ? 0 : Total - AmountPaid;

    public InvoiceStatus Status { get; set; } = InvoiceStatus.Draft;

    /// <summary>When it was issued (Draft → Open): the moment its charge entered the ledger.</summary>
    public DateTimeOffset? IssuedUtc { get; set; }

    public DateTimeOffset? VoidedUtc { get; set; }

    public string? VoidReason { get; set; }

    /// <summary>Shown to the customer on the invoice.</summary>
    public string? Notes { get; set; }

    public DateTimeOffset CreatedUtc { get; set; }

    public DateTimeOffset UpdatedUtc { get; set; }

    /// <summary>Bumped on every change: a stale editor or a concurrent payment cannot overwrite unknowingly.</summary>
    public int Version { get; set; }

    public List<InvoiceLine> Lines { get; set; } = [];

    public bool IsOpenForPayment => Status is InvoiceStatus.Open or InvoiceStatus.PartiallyPaid;
}

public sealed class InvoiceLine : ILineItem
{
    public long Id { get; set; }

    public long InvoiceId { get; set; }

    public int Position { get; set; }

    public required string Description { get; set; }

    public decimal Quantity { get; set; }

    public long UnitPrice { get; set; }

    /// <summary>Percent, e.g. 8.25.</summary>
    public decimal TaxRate { get; set; }

    public long Amount { get; set; }

    public long LineTax { get; set; }
}

public enum InvoiceStatus
{
    Draft,
    Open,
    PartiallyPaid,
    Paid,
    Void,
}

/// <summary>The one rule for an invoice's status: nobody types it; payments and the issue/void actions decide.</summary>
public static class InvoiceStatusRule
{
    public static InvoiceStatus Of(Invoice invoice) =>
        invoice.VoidedUtc is not null ? InvoiceStatus.Void
        : invoice.IssuedUtc is null ? InvoiceStatus.Draft
        : invoice.AmountPaid >= invoice.Total ? InvoiceStatus.Paid
        : invoice.AmountPaid > 0 ? InvoiceStatus.PartiallyPaid
        : InvoiceStatus.Open;

    public static string Label(InvoiceStatus status) => status switch
    {
        InvoiceStatus.PartiallyPaid => "Partially paid",
        _ => status.ToString(),
    };
}
