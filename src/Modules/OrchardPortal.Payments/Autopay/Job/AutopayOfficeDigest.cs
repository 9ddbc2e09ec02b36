using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using OrchardPortal.Billing.Services;
using OrchardPortal.Core.Data;
using OrchardPortal.Core.Email;
using OrchardPortal.Core.Email.Templates;
using OrchardPortal.Core.Hosting;
using OrchardPortal.Customers.Services;
using OrchardPortal.Payments.Autopay.CustomerPortal;
using OrchardPortal.Payments.Autopay.Models;
using OrchardPortal.Portal.Services;

namespace OrchardPortal.Payments.Autopay.Job;

/// <summary>
/// The office's <c>autopay-failures-office</c> email: one per tenant run (never one per charge, a run can charge
/// thousands) to the tenant's notification addresses, listing the charges of that run that definitely failed
/// (declined and retrying, or stopped). "No answer yet" is not a failure and is not listed.
/// </summary>
/// <remarks>
/// A charge counts when this run claimed it (<see cref="Track"/>) and it was settled as Retrying or Failed at or after
/// the run's first claim. The claimed ids keep out what another node's run settled meanwhile (that run sends its own
/// digest); the time keeps out a claimed charge whose try never finished (it still shows its previous result).
/// Queued through the outbox after the charges, so a node that dies before this sends no digest for its run: the
/// failures still show on the admin Autopay page and its menu badge.
/// </remarks>
public sealed class AutopayOfficeDigest(
    TenantDbContext db,
    PortalSettingsService portal,
    IEmailTemplateService templates,
    IEmailOutbox outbox,
    CustomerService customers,
    BillingContext billing,
    TenantLinks links,
    TimeProvider clock,
    ILogger<AutopayOfficeDigest> logger)
{
    /// <summary>Rows listed in one email; past this the email gives the count and points at the Autopay page (and stays within the theme's output limits).</summary>
    public const int MaxListed = 200;

    private readonly Lock _lock = new();
    private readonly HashSet<string> _claimed = new(StringComparer.Ordinal);
    private DateTimeOffset? _since;

    /// <summary>Charges the run claimed (called from its parallel batches).</summary>
    public void Track(IEnumerable<string> claimed)
    {
        lock (_lock)
        {
            _since ??= clock.GetUtcNow();
            _claimed.UnionWith(claimed);
        }
    }

    /// <summary>Queues and saves the digest when the run had definite failures and the tenant has notification addresses. Never throws: the failures are on the admin page anyway.</summary>
    public async Task SendAsync(CancellationToken cancellationToken)
    {
        try
        {
            await SendOrThrowAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogError(exception, "The autopay failures email to the office could not be queued; the failures are listed on the Autopay page.");
        }
    }

    private async Task SendOrThrowAsync(CancellationToken cancellationToken)
    {
        DateTimeOffset since;
        lock (_lock)
        {
            if (_since is null)
            {
                return;
            }

            since = _since.Value;
        }

        var recipients = (await portal.GetAsync(cancellationToken)).NotificationEmails;
        if (recipients.Count == 0)
        {
            return;
        }

        var failed = (await db.Set<AutopayCharge>().AsNoTracking()
                .Where(c => (c.Status == AutopayChargeStatus.Retrying || c.Status == AutopayChargeStatus.Failed) && c.LastRunUtc >= since)
                .ToListAsync(cancellationToken))
            .Where(c => _claimed.Contains(c.Id))
            // Stopped ones first: nothing more happens to them unless someone acts.
            .OrderBy(c => c.Status == AutopayChargeStatus.Failed ? 0 : 1).ThenBy(c => c.DueDate).ThenBy(c => c.InvoiceId)
            .ToList();
        if (failed.Count == 0)
        {
            return;
        }

        var model = await ModelAsync(failed, cancellationToken);
        foreach (var to in recipients)
        {
            outbox.Enqueue(await templates.RenderAsync(EmailTemplateKeys.AutopayFailuresOffice, to, null, model, cancellationToken));
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task<Dictionary<string, object?>> ModelAsync(List<AutopayCharge> failed, CancellationToken cancellationToken)
    {
        var money = await billing.FormatterAsync(cancellationToken);
        var culture = await billing.CultureAsync(cancellationToken);
        var zone = (await billing.ProfileAsync(cancellationToken)).TimeZone;
        var listed = failed.Take(MaxListed).ToList();
        var found = (await customers.GetManyAsync([.. listed.Select(c => c.CustomerId).Distinct()], cancellationToken)).ToDictionary(c => c.Id);
        var names = listed.Select(c => c.CustomerId).Distinct().ToDictionary(id => id, id => found.TryGetValue(id, out var customer)
            ? (Name: customer.DisplayName.ReplaceLineEndings(" ").Trim(), Account: customer.AccountNumber)
            : (Name: $"Customer {id}", Account: ""));

        var rows = listed.Select(c => (object?)new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["customer_name"] = names[c.CustomerId].Name,
            ["account_number"] = names[c.CustomerId].Account,
            ["invoice_number"] = c.InvoiceNumber,
            ["amount"] = money(c.Amount),
            ["due_date"] = c.DueDate.ToString("D", culture),
            ["reason"] = c.LastMessage ?? "",
            ["tries"] = c.Attempts,
            ["will_retry"] = c.Status == AutopayChargeStatus.Retrying,
            ["next_attempt_date"] = c.Status == AutopayChargeStatus.Retrying ? TimeZoneInfo.ConvertTime(c.NextAttemptUtc, zone).ToString("D", culture) : "",
        }).ToList();
        var retrying = failed.Count(c => c.Status == AutopayChargeStatus.Retrying);
        return new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["failure_count"] = failed.Count,
            ["retrying_count"] = retrying,
            ["stopped_count"] = failed.Count - retrying,
            ["failures"] = rows,
            ["more_count"] = failed.Count - listed.Count,
            ["run_date"] = (await billing.TodayAsync(cancellationToken)).ToString("D", culture),
            // Rendered in the background: the tenant's own origin, as every email's links are.
            ["link"] = links.Absolute(AutopayPaths.Admin),
        };
    }
}
