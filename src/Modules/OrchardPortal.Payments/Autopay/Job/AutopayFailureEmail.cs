using System.Globalization;
using Microsoft.Extensions.Logging;
using OrchardPortal.Billing.Services;
using OrchardPortal.Core.Email;
using OrchardPortal.Core.Email.Templates;
using OrchardPortal.Core.Hosting;
using OrchardPortal.Customers.Services;
using OrchardPortal.Payments.Attempts;
using OrchardPortal.Payments.Autopay.CustomerPortal;
using OrchardPortal.Payments.Autopay.Models;

namespace OrchardPortal.Payments.Autopay.Job;

/// <summary>
/// The tenant's <c>autopay-failed</c> email to the customer, queued in the same transaction that records the
/// failed try: why it failed, whether (and when) it is tried again, and links to pay now or change the method.
/// </summary>
public sealed class AutopayFailureEmail(
    IEmailTemplateService templates,
    IEmailOutbox outbox,
    CustomerService customers,
    BillingContext billing,
    TenantLinks links,
    ILogger<AutopayFailureEmail> logger)
{
    public async Task EnqueueAsync(AutopayCharge charge, string reason, DateTimeOffset? nextAttemptUtc, CancellationToken cancellationToken)
    {
        var customer = await customers.GetAsync(charge.CustomerId, cancellationToken);
        if (customer?.PrimaryEmail is not { Length: > 0 } to)
        {
            return;
        }

        var money = await billing.FormatterAsync(cancellationToken);
        var culture = await billing.CultureAsync(cancellationToken);
        var zone = (await billing.ProfileAsync(cancellationToken)).TimeZone;
        // Mail is rendered in the background: links point at the tenant's own address, as every email's do.
        var origin = links.Origin;
        var model = new Dictionary<string, object?>
        {
            ["customer"] = new Dictionary<string, object?> { ["name"] = customer.DisplayName, ["account_number"] = customer.AccountNumber },
            ["invoice"] = new Dictionary<string, object?>
            {
                ["number"] = charge.InvoiceNumber,
                ["amount"] = money(charge.Amount),
                ["due_date"] = charge.DueDate.ToString("D", culture),
            },
            ["reason"] = reason,
            ["will_retry"] = nextAttemptUtc is not null,
            ["next_attempt_date"] = nextAttemptUtc is { } next ? TimeZoneInfo.ConvertTime(next, zone).ToString("D", culture) : null,
            ["pay_url"] = $"{origin}{PayPaths.Pay}?invoice={charge.InvoiceId.ToString(CultureInfo.InvariantCulture)}",
            ["autopay_url"] = origin + AutopayPaths.Page,
        };
        try
        {
            outbox.Enqueue(await templates.RenderAsync(EmailTemplateKeys.AutopayFailed, to, customer.DisplayName, model, cancellationToken));
        }
        catch (Exception exception) when (exception is ArgumentException or InvalidOperationException)
        {
            // A broken template or address must not undo recording the failure; staff see the failure in the admin.
            logger.LogError(exception, "The autopay failure email for charge {Charge} could not be queued.", charge.Id);
        }
    }
}
