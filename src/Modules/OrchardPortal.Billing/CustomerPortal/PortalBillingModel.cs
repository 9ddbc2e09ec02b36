using System.Globalization;
using OrchardPortal.Billing.Models;

namespace OrchardPortal.Billing.CustomerPortal;

/// <summary>
/// Invoices, estimates and ledger rows as the theme's Liquid views see them: plain dictionaries of the
/// allowed fields (amounts in minor units for the <c>money</c> filter, dates already written for the tenant's culture).
/// </summary>
internal static class PortalBillingModel
{
    public static string InvoiceUrl(long id) => "/invoices/" + id.ToString(CultureInfo.InvariantCulture);

    public static string EstimateUrl(long id) => "/estimates/" + id.ToString(CultureInfo.InvariantCulture);

    public static string Date(DateOnly date, CultureInfo culture) => date.ToString("MMM d, yyyy", culture);

    public static Dictionary<string, object?> Invoice(Invoice invoice, CultureInfo culture) => new(StringComparer.Ordinal)
    {
        ["id"] = invoice.Id,
        ["number"] = invoice.Number,
        ["url"] = InvoiceUrl(invoice.Id),
        ["issue_date"] = Date(invoice.IssueDate, culture),
        ["due_date"] = Date(invoice.DueDate, culture),
        ["status"] = invoice.Status.ToString().ToLowerInvariant(),
        ["status_label"] = InvoiceStatusRule.Label(invoice.Status),
        ["is_open"] = invoice.IsOpenForPayment,
        ["subtotal"] = invoice.Subtotal,
        ["tax"] = invoice.Tax,
        ["total"] = invoice.Total,
        ["amount_paid"] = invoice.AmountPaid,
        ["balance"] = invoice.Balance,
        ["property"] = invoice.PropertyText,
        ["notes"] = invoice.Notes,
        ["lines"] = Lines(invoice.Lines, culture),
    };

    public static Dictionary<string, object?> Estimate(Estimate estimate, EstimateStatus status, CultureInfo culture) => new(StringComparer.Ordinal)
    {
        ["id"] = estimate.Id,
        ["number"] = estimate.Number,
        ["url"] = EstimateUrl(estimate.Id),
        ["issue_date"] = Date(estimate.IssueDate, culture),
        ["expiry_date"] = Date(estimate.ExpiryDate, culture),
        ["status"] = status.ToString().ToLowerInvariant(),
        ["status_label"] = status.ToString(),
        ["can_decide"] = status == EstimateStatus.Sent,
        ["subtotal"] = estimate.Subtotal,
        ["tax"] = estimate.Tax,
        ["total"] = estimate.Total,
        ["property"] = estimate.PropertyText,
        ["notes"] = estimate.Notes,
        ["signed_name"] = estimate.SignedName,
        ["decided_on"] = estimate.DecidedUtc?.ToString("MMM d, yyyy", culture),
        ["decline_comment"] = estimate.DeclineComment,
        ["lines"] = Lines(estimate.Lines, culture),
    };

    public static Dictionary<string, object?> Entry(LedgerEntry entry, CultureInfo culture) => new(StringComparer.Ordinal)
    {
        ["date"] = Date(entry.Date, culture),
        ["kind"] = entry.Kind.ToString().ToLowerInvariant(),
        ["description"] = entry.Description,
        ["reference"] = entry.Reference,
        ["amount"] = entry.Amount,
        ["url"] = entry.InvoiceId is { } id && entry.Kind == LedgerEntryKind.Charge ? InvoiceUrl(id) : null,
    };

    private static List<Dictionary<string, object?>> Lines(IEnumerable<ILineItem> lines, CultureInfo culture) =>
        [.. lines.OrderBy(l => l.Position).Select(l => new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["description"] = l.Description,
            ["quantity"] = l.Quantity.ToString("0.###", culture),
            ["unit_price"] = l.UnitPrice,
            ["tax_rate"] = l.TaxRate == 0 ? null : l.TaxRate.ToString("0.###", culture) + "%",
            ["amount"] = l.Amount,
        })];
}
