using OrchardPortal.Billing.Models;

namespace OrchardPortal.Billing.Ledger;

/// <summary>The ledger rows each billing event adds (the only place their signs and wording are decided).</summary>
internal static class LedgerRows
{
    public static LedgerEntry Charge(Invoice invoice, DateTimeOffset now) => new()
    {
        CustomerId = invoice.CustomerId,
        Kind = LedgerEntryKind.Charge,
        Date = invoice.IssueDate,
        Amount = invoice.Total,
        Reference = invoice.Number,
        Description = $"Invoice {invoice.Number}",
        InvoiceId = invoice.Id,
        CreatedUtc = now,
    };

    public static LedgerEntry Adjustment(Invoice invoice, long delta, DateOnly date, DateTimeOffset now) => new()
    {
        CustomerId = invoice.CustomerId,
        Kind = LedgerEntryKind.Adjustment,
        Date = date,
        Amount = delta,
        Reference = invoice.Number,
        Description = $"Invoice {invoice.Number} changed",
        InvoiceId = invoice.Id,
        CreatedUtc = now,
    };

    public static LedgerEntry Void(Invoice invoice, DateOnly date, DateTimeOffset now) => new()
    {
        CustomerId = invoice.CustomerId,
        Kind = LedgerEntryKind.Void,
        Date = date,
        Amount = -invoice.Total,
        Reference = invoice.Number,
        Description = $"Invoice {invoice.Number} voided",
        InvoiceId = invoice.Id,
        CreatedUtc = now,
    };

    public static LedgerEntry Payment(Payment payment, DateTimeOffset now) => new()
    {
        CustomerId = payment.CustomerId,
        Kind = LedgerEntryKind.Payment,
        Date = payment.ReceivedDate,
        Amount = -payment.Amount,
        Reference = Reference(payment),
        Description = "Payment — " + MethodLabel(payment.Method),
        PaymentId = payment.Id,
        CreatedUtc = now,
    };

    public static LedgerEntry Refund(Refund refund, Payment payment, DateTimeOffset now) => new()
    {
        CustomerId = refund.CustomerId,
        Kind = LedgerEntryKind.Refund,
        Date = refund.Date,
        Amount = refund.Amount,
        Reference = refund.ExternalReference ?? Reference(payment),
        Description = "Refund of payment — " + MethodLabel(payment.Method),
        PaymentId = payment.Id,
        RefundId = refund.Id,
        CreatedUtc = now,
    };

    public static string MethodLabel(PaymentMethodKind method) => method switch
    {
        PaymentMethodKind.Card => "card",
        PaymentMethodKind.Ach => "bank account (ACH)",
        PaymentMethodKind.Cash => "cash",
        PaymentMethodKind.Check => "check",
        _ => "other",
    };

    private static string Reference(Payment payment) => payment.Method == PaymentMethodKind.Check && payment.ExternalReference is { } number
        ? "Check " + number
        : payment.ExternalReference ?? "Payment " + payment.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
