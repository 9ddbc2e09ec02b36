using System.Globalization;
using Microsoft.Extensions.Logging;
using OrchardPortal.Billing.Invoices;
using OrchardPortal.Billing.Services;
using OrchardPortal.Core.Email;
using OrchardPortal.Core.Email.Templates;
using OrchardPortal.Core.Hosting;
using OrchardPortal.Customers.Services;
using OrchardPortal.Payments.Attempts;
using LedgerPayment = OrchardPortal.Billing.Models.Payment;

namespace OrchardPortal.Payments.Recording;

/// <summary>
/// The tenant's <c>payment-receipt</c> email (or <c>auto-charge-receipt</c> for autopay), queued in the outbox
/// inside the payment's recording transaction, so the email goes out exactly when the payment is recorded.
/// </summary>
internal sealed class PaymentReceiptEmail(
    IEmailTemplateService templates,
    IEmailOutbox outbox,
    CustomerService customers,
    InvoiceService invoices,
    BillingContext billing,
    TenantLinks links,
    ILogger<PaymentReceiptEmail> logger)
{
    public async Task EnqueueAsync(PaymentAttempt attempt, LedgerPayment payment, CancellationToken cancellationToken)
    {
        var customer = await customers.GetAsync(attempt.CustomerId, cancellationToken);
        if (customer?.PrimaryEmail is not { Length: > 0 } to)
        {
            return;
        }

        var money = await billing.FormatterAsync(cancellationToken);
        var culture = await billing.CultureAsync(cancellationToken);
        var applied = new List<Dictionary<string, object?>>();
        foreach (var allocation in payment.Allocations)
        {
            var invoice = await invoices.GetAsync(allocation.InvoiceId, cancellationToken);
            applied.Add(new() { ["number"] = invoice?.Number ?? allocation.InvoiceId.ToString(CultureInfo.InvariantCulture), ["amount"] = money(allocation.Amount) });
        }

        var model = new Dictionary<string, object?>
        {
            ["customer"] = new Dictionary<string, object?> { ["name"] = customer.DisplayName, ["account_number"] = customer.AccountNumber },
            ["payment"] = new Dictionary<string, object?>
            {
                ["amount"] = money(payment.Amount),
                ["method"] = attempt.MethodDescription ?? (attempt.MethodKind == Gateways.PaymentMethodKind.BankAccount ? "Bank account" : "Card"),
                ["date"] = payment.ReceivedDate.ToString("D", culture),
                ["reference"] = attempt.GatewayPaymentId ?? attempt.Id,
            },
            ["invoices"] = applied,
            // Absolute also from the autopay job and reconciliation, which have no request (TenantLinks decides the origin).
            ["receipt_url"] = links.Absolute(PayPaths.Receipt(attempt.Id)),
        };
        try
        {
            var key = attempt.OffSession ? EmailTemplateKeys.AutoChargeReceipt : EmailTemplateKeys.PaymentReceipt;
            outbox.Enqueue(await templates.RenderAsync(key, to, customer.DisplayName, model, cancellationToken));
        }
        catch (Exception exception) when (exception is ArgumentException or InvalidOperationException)
        {
            // A broken template or address must not undo the payment's recording; staff see it in the log.
            logger.LogError(exception, "The receipt for payment {Attempt} could not be queued.", attempt.Id);
        }
    }
}
