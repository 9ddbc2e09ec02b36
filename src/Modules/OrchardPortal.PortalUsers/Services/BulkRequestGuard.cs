using Microsoft.EntityFrameworkCore;
using OrchardPortal.Core.Data;
using OrchardPortal.PortalUsers.Models;

namespace OrchardPortal.PortalUsers.Services;

/// <summary>
/// Makes a bulk send happen once per form: the "Manage portal users" page puts a random key in its bulk
/// form, and the first request with that key claims it (the table's primary key decides, also between
/// two requests at the same moment). A double click, a resubmitted form or a browser retry then sends
/// nothing a second time, where each would otherwise re-send thousands of emails.
/// </summary>
public sealed class BulkRequestGuard(TenantDbContext db, TimeProvider clock)
{
    private static readonly TimeSpan KeepFor = TimeSpan.FromDays(7);

    /// <summary>True the first time <paramref name="key"/> is seen; false when it was used before.</summary>
    public async Task<bool> TryClaimAsync(Guid key, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var requests = db.Set<PortalBulkRequest>();
        var row = new PortalBulkRequest { Key = key.ToString("D"), CreatedUtc = now };
        requests.Add(row);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.Entry(row).State = EntityState.Detached;
            return false;
        }

        // A form older than a week is not going to be resubmitted; keep the table small.
        var cutoff = now - KeepFor;
        await requests.Where(r => r.CreatedUtc < cutoff).ExecuteDeleteAsync(cancellationToken);
        return true;
    }
}
