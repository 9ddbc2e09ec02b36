using Microsoft.EntityFrameworkCore;
using OrchardPortal.Billing.Services;
using OrchardPortal.Core.Data;
using OrchardPortal.Payments.Autopay.Models;

namespace OrchardPortal.Payments.Autopay.History;

/// <summary>What autopay did, for the customer's page, the customer's staff panel and the staff list.</summary>
public sealed class AutopayHistory(TenantDbContext db, BillingContext billing)
{
    /// <summary>Statuses staff must look at: failures, retrying or stopped (an outcome never confirmed in time ends as a stop).</summary>
    public static readonly AutopayChargeStatus[] NeedsAttention = [AutopayChargeStatus.Retrying, AutopayChargeStatus.Failed];

    /// <summary>The customer's latest charges, newest first, as template values.</summary>
    public async Task<List<Dictionary<string, object?>>> RecentAsync(long customerId, int count, CancellationToken cancellationToken)
    {
        var rows = await db.Set<AutopayCharge>().AsNoTracking().Where(c => c.CustomerId == customerId)
            .OrderByDescending(c => c.DueDate).ThenByDescending(c => c.InvoiceId).Take(count).ToListAsync(cancellationToken);
        var money = await billing.FormatterAsync(cancellationToken);
        var culture = await billing.CultureAsync(cancellationToken);
        return rows.Select(c => new Dictionary<string, object?>
        {
            ["invoice_number"] = c.InvoiceNumber,
            ["invoice_id"] = c.InvoiceId,
            ["due_date"] = c.DueDate.ToString("D", culture),
            ["amount"] = c.Amount > 0 ? money(c.Amount) : null,
            ["status"] = c.Status.ToString().ToLowerInvariant(),
            ["status_label"] = Label(c.Status),
            ["message"] = c.Status is AutopayChargeStatus.Retrying or AutopayChargeStatus.Failed ? c.LastMessage : null,
        }).ToList();
    }

    /// <summary>The customer's latest charge, for staff.</summary>
    public Task<AutopayCharge?> LatestAsync(long customerId, CancellationToken cancellationToken) =>
        db.Set<AutopayCharge>().AsNoTracking().Where(c => c.CustomerId == customerId && c.LastRunUtc != null)
            .OrderByDescending(c => c.LastRunUtc).FirstOrDefaultAsync(cancellationToken);

    /// <summary>Charges staff have not dismissed that failed, stopped or never got an answer, newest first.</summary>
    public async Task<IReadOnlyList<AutopayCharge>> NeedingAttentionAsync(int max, CancellationToken cancellationToken) =>
        await AttentionQuery().OrderByDescending(c => c.UpdatedUtc).Take(max).ToListAsync(cancellationToken);

    public Task<int> CountNeedingAttentionAsync(CancellationToken cancellationToken) => AttentionQuery().CountAsync(cancellationToken);

    /// <summary>The latest charges of any customer, newest first.</summary>
    public async Task<IReadOnlyList<AutopayCharge>> LatestRunsAsync(int max, CancellationToken cancellationToken) =>
        await db.Set<AutopayCharge>().AsNoTracking().Where(c => c.LastRunUtc != null).OrderByDescending(c => c.LastRunUtc).Take(max).ToListAsync(cancellationToken);

    /// <summary>Staff saw a failure: it leaves the "needs attention" list (the charge itself goes on as before).</summary>
    public async Task<bool> AcknowledgeAsync(string chargeId, DateTimeOffset now, CancellationToken cancellationToken) =>
        await db.Set<AutopayCharge>().Where(c => c.Id == chargeId && c.AcknowledgedUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.AcknowledgedUtc, now), cancellationToken) == 1;

    public static string Label(AutopayChargeStatus status) => status switch
    {
        AutopayChargeStatus.Scheduled => "Scheduled",
        AutopayChargeStatus.Retrying => "Failed — will try again",
        AutopayChargeStatus.Unknown => "Waiting for the payment processor",
        AutopayChargeStatus.Paid => "Paid",
        AutopayChargeStatus.Processing => "Bank payment processing",
        AutopayChargeStatus.Failed => "Failed — stopped trying",
        _ => "Not charged",
    };

    private IQueryable<AutopayCharge> AttentionQuery() =>
        db.Set<AutopayCharge>().AsNoTracking().Where(c => NeedsAttention.Contains(c.Status) && c.AcknowledgedUtc == null && c.LastRunUtc != null);
}
