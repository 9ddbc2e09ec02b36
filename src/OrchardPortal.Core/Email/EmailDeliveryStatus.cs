using Microsoft.EntityFrameworkCore;
using OrchardPortal.Core.Data;
using OrchardPortal.Core.Security;
using OrchardPortal.Core.Tenancy;

namespace OrchardPortal.Core.Email;

internal sealed class EmailDeliveryStatus(TenantDbContext db, TenantScope scope, OutboxSchedule schedule, TimeProvider clock) : IEmailDeliveryStatus
{
    // Keeps each IN (...) list well under every provider's parameter limit.
    private const int Chunk = 500;

    public async Task<IReadOnlyDictionary<string, FailedDelivery>> FailedAddressesAsync(IEnumerable<string> addresses, CancellationToken cancellationToken)
    {
        var wanted = addresses.Select(EmailAddress.Normalize).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var result = new Dictionary<string, FailedDelivery>(StringComparer.Ordinal);
        foreach (var chunk in wanted.Chunk(Chunk))
        {
            var finished = await db.Set<OutboxMessage>().AsNoTracking()
                .Where(m => chunk.Contains(m.To) && (m.State == OutboxState.Sent || m.State == OutboxState.Failed))
                .Select(m => new { m.Id, m.To, m.ToName, m.Subject, m.CreatedUtc, m.Attempts, m.LastError, m.State })
                .ToListAsync(cancellationToken);
            // Compared in memory: SQLite cannot order by DateTimeOffset, and the rows are one address's mail.
            foreach (var latest in finished.GroupBy(m => m.To).Select(g => g.OrderByDescending(m => m.CreatedUtc).ThenByDescending(m => m.Id).First()))
            {
                if (latest.State == OutboxState.Failed)
                {
                    result[latest.To] = new FailedDelivery(latest.Id, latest.To, latest.ToName, latest.Subject, latest.CreatedUtc, latest.Attempts, latest.LastError);
                }
            }
        }

        return result;
    }

    public Task<int> CountFailedAsync(CancellationToken cancellationToken) =>
        db.Set<OutboxMessage>().CountAsync(m => m.State == OutboxState.Failed, cancellationToken);

    public async Task<IReadOnlyList<FailedDelivery>> ListFailedAsync(int max, CancellationToken cancellationToken)
    {
        // Ids are version-7 GUIDs (time-ordered), but not every provider sorts GUIDs that way; order in memory.
        var rows = await db.Set<OutboxMessage>().AsNoTracking()
            .Where(m => m.State == OutboxState.Failed)
            .Select(m => new FailedDelivery(m.Id, m.To, m.ToName, m.Subject, m.CreatedUtc, m.Attempts, m.LastError))
            .ToListAsync(cancellationToken);
        return [.. rows.OrderByDescending(r => r.CreatedUtc).Take(max)];
    }

    public async Task<bool> RetryAsync(Guid messageId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var requeued = await db.Set<OutboxMessage>()
            .Where(m => m.Id == messageId && m.State == OutboxState.Failed)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.State, OutboxState.Pending)
                .SetProperty(m => m.NextAttemptUtc, now)
                .SetProperty(m => m.Attempts, 0), cancellationToken);
        if (requeued == 0)
        {
            return false;
        }

        // A direct update bypasses the commit interceptor, so wake the dispatcher here.
        schedule.Signal(scope.Required.Name);
        return true;
    }
}
