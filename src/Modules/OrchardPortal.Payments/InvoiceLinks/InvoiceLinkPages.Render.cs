using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using OrchardPortal.Billing.Models;
using OrchardPortal.Billing.Services;
using OrchardPortal.Payments.Attempts;
using OrchardPortal.Payments.Gateways;
using OrchardPortal.Payments.PayInvoices;

namespace OrchardPortal.Payments.InvoiceLinks;

/// <summary>The invoice link page's model (view <c>InvoiceLink</c>).</summary>
public sealed partial class InvoiceLinkPages
{
    private async Task<IResult> RenderAsync(
        string token, InvoiceLink link, Invoice invoice, string? amount, IReadOnlyDictionary<string, string> errors, PaymentAttempt? failed, int statusCode, CancellationToken cancellationToken)
    {
        var money = await billing.FormatterAsync(cancellationToken);
        var culture = await billing.CultureAsync(cancellationToken);
        var state = invoice.IsOpenForPayment ? "open" : invoice.Status switch
        {
            InvoiceStatus.Paid => "paid",
            InvoiceStatus.Void => "void",
            _ => "closed",
        };

        Dictionary<string, object?>? payModel = null;
        var due = state == "open" ? await pay.QuoteAsync(link.CustomerId, [link.InvoiceId], cancellationToken) : null;
        if (due is not null)
        {
            var tokens = antiforgery.GetAndStoreTokens(http.HttpContext!);
            var gateway = await gateways.GetAsync(cancellationToken);
            if (gateway.Kind == GatewayKind.Stripe)
            {
                StripePageSecurity.AllowStripe(http.HttpContext!);
            }

            var keys = gateway.Kind == GatewayKind.Stripe ? settings.GetStripeKeys(await settings.GetAsync(cancellationToken)) : null;
            payModel = new Dictionary<string, object?>
            {
                ["action"] = InvoiceLinkPaths.Link(token),
                // A fresh token per render: it becomes the attempt's idempotency key ("Try again" is a new attempt).
                ["token"] = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
                ["antiforgery_field"] = tokens.FormFieldName,
                ["antiforgery_token"] = tokens.RequestToken,
                ["total"] = money(due.Amount),
                ["amount"] = amount ?? MoneyText.ForInput(due.Amount, due.Currency, culture),
                ["minimum"] = money(await pay.MinimumAsync(due.Amount, cancellationToken)),
                ["gateway"] = gateway.Kind == GatewayKind.Sandbox ? "sandbox" : "stripe",
                ["currency"] = due.Currency,
                ["amount_minor"] = due.Amount,
                ["publishable_key"] = keys?.PublishableKey,
                ["test_mode"] = gateway.IsTestMode,
                ["errors"] = errors.ToDictionary(e => e.Key, e => (object?)e.Value),
                ["failure"] = failed is null ? null : new Dictionary<string, object?> { ["message"] = failed.FailureMessage, ["code"] = failed.FailureCode },
                ["update_information_url"] = PayPages.UpdateInformationPath,
            };
        }

        var paid = state == "paid" ? await LatestPaymentAsync(link, cancellationToken) : null;
        var model = new Dictionary<string, object?>
        {
            ["link"] = new Dictionary<string, object?>
            {
                ["state"] = state,
                ["receipt_url"] = paid is null ? null : InvoiceLinkPaths.Receipt(token, paid.Id),
                ["sign_in_url"] = "/sign-in",
            },
            ["invoice"] = InvoiceModel(invoice, culture),
            ["pay"] = payModel,
        };
        var title = "Invoice " + invoice.Number;
        return await renderer.RenderPageAsync("InvoiceLink", model, await payPages.OptionsAsync(title, statusCode, cancellationToken), cancellationToken);
    }

    /// <summary>True when the attempt paid (some of) this link's invoice for its customer: a link shows no other receipts.</summary>
    private static bool IsForLink(PaymentAttempt attempt, InvoiceLink link) =>
        attempt.CustomerId == link.CustomerId && Allocations(attempt).Any(a => a.InvoiceId == link.InvoiceId);

    private async Task<PaymentAttempt?> LatestPaymentAsync(InvoiceLink link, CancellationToken cancellationToken) =>
        (await db.Set<PaymentAttempt>().AsNoTracking().Where(a => a.CustomerId == link.CustomerId && a.Status == PaymentStatus.Succeeded).ToListAsync(cancellationToken))
            .Where(a => IsForLink(a, link)).OrderByDescending(a => a.UpdatedUtc).FirstOrDefault();

    private static List<AttemptAllocation> Allocations(PaymentAttempt attempt) =>
        JsonSerializer.Deserialize<List<AttemptAllocation>>(attempt.AllocationsJson) ?? [];

    /// <summary>Only what the customer sees on the portal's own invoice page; amounts in minor units for the <c>money</c> filter.</summary>
    private static Dictionary<string, object?> InvoiceModel(Invoice invoice, CultureInfo culture) => new(StringComparer.Ordinal)
    {
        ["number"] = invoice.Number,
        ["issue_date"] = invoice.IssueDate.ToString("MMM d, yyyy", culture),
        ["due_date"] = invoice.DueDate.ToString("MMM d, yyyy", culture),
        ["status"] = invoice.Status.ToString().ToLowerInvariant(),
        ["status_label"] = InvoiceStatusRule.Label(invoice.Status),
        ["subtotal"] = invoice.Subtotal,
        ["tax"] = invoice.Tax,
        ["total"] = invoice.Total,
        ["amount_paid"] = invoice.AmountPaid,
        ["balance"] = invoice.Balance,
        ["property"] = invoice.PropertyText,
        ["notes"] = invoice.Notes,
        ["lines"] = invoice.Lines.OrderBy(l => l.Position).Select(l => new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["description"] = l.Description,
            ["quantity"] = l.Quantity.ToString("0.###", culture),
            ["unit_price"] = l.UnitPrice,
            ["tax_rate"] = l.TaxRate == 0 ? null : l.TaxRate.ToString("0.###", culture) + "%",
            ["amount"] = l.Amount,
        }).ToList(),
    };
}
