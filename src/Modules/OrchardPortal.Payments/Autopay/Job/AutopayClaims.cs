using Microsoft.EntityFrameworkCore;
using OrchardPortal.Core.Data;
using OrchardPortal.Payments.Autopay.Models;

namespace OrchardPortal.Payments.Autopay.Job;

/// <summary>
/// Hands out due charges to one run with a conditional update: a row is taken only while it is due and
/// nobody's lease on it is current, so of several nodes running at once exactly one gets each row. The
/// database decides (SQLite serialises writers; PostgreSQL re-checks the condition on the locked row).
/// </summary>
public sealed class AutopayClaims(TenantDbContext db)
{
    private static readonly AutopayChargeStatus[] Claimable = [AutopayChargeStatus.Scheduled, AutopayChargeStatus.Retrying, AutopayChargeStatus.Unknown];

    /// <summary>
    /// Claims up to <paramref name="max"/> due charges for <paramref name="token"/> until <paramref name="until"/>.
    /// Returns the ids this run now holds, and whether any were due at all (another node may have taken them first).
    /// </summary>
    public async Task<(IReadOnlyList<string> Claimed, bool AnyDue)> ClaimAsync(string token, int max, DateTimeOffset now, DateTimeOffset until, CancellationToken cancellationToken)
    {
        var ids = await Due(now).OrderBy(c => c.NextAttemptUtc).Select(c => c.Id).Take(max).ToListAsync(cancellationToken);
        if (ids.Count == 0)
        {
            return ([], false);
        }

        await Due(now).Where(c => ids.Contains(c.Id)).ExecuteUpdateAsync(s => s
            .SetProperty(c => c.LeaseToken, token)
            .SetProperty(c => c.LeaseUntilUtc, until)
            .SetProperty(c => c.Version, c => c.Version + 1), cancellationToken);
        var claimed = await db.Set<AutopayCharge>().AsNoTracking()
            .Where(c => ids.Contains(c.Id) && c.LeaseToken == token && c.LeaseUntilUtc == until)
            .Select(c => c.Id).ToListAsync(cancellationToken);
        return (claimed, true);
    }

    private IQueryable<AutopayCharge> Due(DateTimeOffset now) =>
        db.Set<AutopayCharge>().Where(c => Claimable.Contains(c.Status) && c.NextAttemptUtc <= now && (c.LeaseUntilUtc == null || c.LeaseUntilUtc < now));
}
