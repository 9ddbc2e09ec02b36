using Microsoft.EntityFrameworkCore;
using OrchardPortal.Billing.Data;
using OrchardPortal.Billing.Models;
using OrchardPortal.Billing.Services;

namespace OrchardPortal.Billing.Estimates;

public sealed partial class EstimateService
{
    /// <summary>A customer's sent, approved and declined estimates (never drafts), newest first.</summary>
    public async Task<IReadOnlyList<Estimate>> ForCustomerAsync(long customerId, CancellationToken cancellationToken) =>
        await db.Set<Estimate>().AsNoTracking()
            .Where(e => e.CustomerId == customerId && e.Status != EstimateStatus.Draft)
            .OrderByDescending(e => e.IssueDate).ThenByDescending(e => e.Id)
            .ToListAsync(cancellationToken);

    /// <summary>
    /// The customer approves with their typed name as signature; the name, time and IP address are kept
    /// and staff are emailed in the same commit. Only the estimate's own customer may decide (anyone else
    /// gets "not found"), and only while it is sent and not expired.
    /// </summary>
    public Task<BillingResult> ApproveAsync(long customerId, long id, string? signedName, string? ipAddress, CancellationToken cancellationToken)
    {
        var name = signedName?.Trim() ?? "";
        if (name.Length == 0 || name.Length > BillingModel.NameLength)
        {
            return Task.FromResult(BillingResult.Invalid(new Dictionary<string, string> { ["SignedName"] = "Type your full name to approve." }, id));
        }

        return DecideAsync(customerId, id, EstimateStatus.Approved, name, null, ipAddress, cancellationToken);
    }

    public Task<BillingResult> DeclineAsync(long customerId, long id, string? comment, string? ipAddress, CancellationToken cancellationToken)
    {
        var text = comment?.Trim() ?? "";
        if (text.Length > BillingModel.ReasonLength)
        {
            return Task.FromResult(BillingResult.Invalid(new Dictionary<string, string> { ["Comment"] = $"Keep your comment under {BillingModel.ReasonLength} characters." }, id));
        }

        return DecideAsync(customerId, id, EstimateStatus.Declined, null, text.Length == 0 ? null : text, ipAddress, cancellationToken);
    }

    private async Task<BillingResult> DecideAsync(long customerId, long id, EstimateStatus decision, string? name, string? comment, string? ipAddress, CancellationToken cancellationToken)
    {
        var estimate = await db.Set<Estimate>().FirstOrDefaultAsync(e => e.Id == id && e.CustomerId == customerId && e.Status != EstimateStatus.Draft, cancellationToken);
        if (estimate is null)
        {
            return BillingResult.Missing(id);
        }

        var status = EstimateStatusRule.Of(estimate, await billing.TodayAsync(cancellationToken));
        if (status != EstimateStatus.Sent)
        {
            return BillingResult.Refused(status == EstimateStatus.Expired
                ? $"Estimate {estimate.Number} expired on {estimate.ExpiryDate:MMMM d, yyyy}. Contact us for a new one."
                : $"You already {status.ToString().ToLowerInvariant()} estimate {estimate.Number}.", id);
        }

        var now = clock.GetUtcNow();
        estimate.Status = decision;
        estimate.SignedName = name;
        estimate.DeclineComment = comment;
        estimate.DecidedUtc = estimate.UpdatedUtc = now;
        estimate.DecidedIp = ipAddress is { Length: > 0 } ip ? ip[..Math.Min(ip.Length, BillingModel.IpLength)] : null;
        estimate.Version++;
        await email.EnqueueAsync(estimate, cancellationToken);
        return await SaveAsync(estimate, cancellationToken);
    }
}
