using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrchardPortal.Billing.Ledger;
using OrchardPortal.Core.Data;
using OrchardPortal.Payments.Attempts;
using OrchardPortal.Payments.Gateways;

namespace OrchardPortal.Payments.Reconciliation;

/// <summary>
/// One tenant's reconciliation pass: every attempt whose outcome we do not know for certain (pending with no
/// answer, processing, waiting for the customer, or succeeded but not recorded) that has not moved for
/// <see cref="ReconciliationOptions.MinimumAge"/> is asked about again — by its payment id when we have it,
/// otherwise by sending its saved request again with the same idempotency key, so the gateway replays the
/// payment it made rather than making another. Answers go through <see cref="PaymentAttemptService.ApplyAsync"/>,
/// which records a succeeded payment exactly once.
/// </summary>
public sealed class PaymentReconciler(
    TenantDbContext db,
    PaymentAttemptService attempts,
    PaymentGatewayResolver gateways,
    AttemptRequestStore requests,
    BillingLedger ledger,
    IOptionsMonitor<ReconciliationOptions> options,
    TimeProvider clock,
    ILogger<PaymentReconciler> logger)
{
    public async Task<ReconciliationSummary> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var settledBefore = now - options.CurrentValue.MinimumAge;
        var open = await db.Set<PaymentAttempt>().AsNoTracking()
            .Where(a => a.Status == PaymentStatus.Pending || a.Status == PaymentStatus.Processing || a.Status == PaymentStatus.RequiresAction
                || (a.Status == PaymentStatus.Succeeded && a.RecordedUtc == null))
            .ToListAsync(cancellationToken);
        var summary = new ReconciliationSummary();
        // Compared in memory: SQLite cannot order or compare DateTimeOffset columns in SQL.
        foreach (var attempt in open.Where(a => a.UpdatedUtc <= settledBefore).OrderBy(a => a.CreatedUtc))
        {
            try
            {
                var before = attempt.Status;
                var after = await ReconcileAsync(attempt, now, cancellationToken);
                summary.Checked++;
                if (after is not null && after.Status != before)
                {
                    summary.Moved++;
                }
            }
            catch (PaymentGatewayException exception)
            {
                // Still no answer: the next pass asks again.
                summary.Unanswered++;
                logger.LogWarning("Reconciling payment attempt {Attempt}: the gateway did not answer ({Code}).", attempt.Id, exception.Code);
            }
        }

        return summary;
    }

    private async Task<PaymentAttempt?> ReconcileAsync(PaymentAttempt attempt, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var gateway = await gateways.GetAsync(attempt.Gateway, cancellationToken);
        if (attempt.GatewayPaymentId is not null)
        {
            return await attempts.ApplyAsync(attempt.Id, await gateway.GetPaymentAsync(attempt.GatewayPaymentId, cancellationToken), cancellationToken);
        }

        // Never answered: only our own saved request can be sent again (autopay re-asks its own charges).
        var request = await requests.FindAsync(attempt.Id, cancellationToken);
        if (request is null || attempt.Status != PaymentStatus.Pending || now - attempt.CreatedUtc > options.CurrentValue.ResendWindow)
        {
            return null;
        }

        if (!await StillOwedAsync(attempt, cancellationToken))
        {
            // The invoices were paid another way meanwhile (the customer tried again, or paid staff). Sending the
            // request now could take money a second time if the first never reached the gateway, so it is not sent;
            // if it did reach the gateway, that payment's webhook still records it (as a credit).
            logger.LogWarning("Payment attempt {Attempt} was never answered and its invoices no longer owe it; not sent again.", attempt.Id);
            return null;
        }

        logger.LogInformation("Payment attempt {Attempt} was never answered; sending it again with its idempotency key.", attempt.Id);
        return await attempts.ApplyAsync(attempt.Id, await gateway.CreatePaymentAsync(request, cancellationToken), cancellationToken);
    }

    private async Task<bool> StillOwedAsync(PaymentAttempt attempt, CancellationToken cancellationToken)
    {
        var allocations = JsonSerializer.Deserialize<List<AttemptAllocation>>(attempt.AllocationsJson) ?? [];
        if (allocations.Count == 0)
        {
            return false;
        }

        var due = await ledger.AmountDueAsync(attempt.CustomerId, [.. allocations.Select(a => a.InvoiceId)], cancellationToken);
        return due is not null && due.Amount >= attempt.Amount;
    }
}

/// <summary>What one pass did.</summary>
public sealed class ReconciliationSummary
{
    public int Checked { get; set; }

    public int Moved { get; set; }

    public int Unanswered { get; set; }

    public void Add(ReconciliationSummary other)
    {
        Checked += other.Checked;
        Moved += other.Moved;
        Unanswered += other.Unanswered;
    }

    public override string ToString() => $"{Checked} checked, {Moved} moved, {Unanswered} unanswered";
}
