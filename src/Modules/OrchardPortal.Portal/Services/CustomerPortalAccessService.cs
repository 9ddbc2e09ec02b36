using Microsoft.EntityFrameworkCore;
using OrchardPortal.Core.Data;
using OrchardPortal.Portal.Models;

namespace OrchardPortal.Portal.Services;

/// <summary>
/// Per-customer exceptions to the portal settings. The customer screens (a later issue) call this to
/// deny a customer the portal or hide tabs from them; <see cref="IPortalAccessPolicy"/> enforces it.
/// </summary>
public sealed class CustomerPortalAccessService(TenantDbContext db, TimeProvider clock)
{
    /// <summary>The customer's exceptions, or null when they have none (they see every enabled tab).</summary>
    public Task<CustomerPortalAccess?> FindAsync(string customerId, CancellationToken cancellationToken) =>
        db.Set<CustomerPortalAccess>().AsNoTracking().FirstOrDefaultAsync(a => a.CustomerId == customerId, cancellationToken);

    /// <summary>Sets a customer's exceptions; no exceptions removes the row. Throws for an unknown tab or an over-long id.</summary>
    public async Task SaveAsync(string customerId, bool denyPortal, IEnumerable<string> hiddenTabs, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(customerId) || customerId.Length > CustomerPortalAccess.MaxCustomerIdLength)
        {
            throw new ArgumentException($"A customer id is 1 to {CustomerPortalAccess.MaxCustomerIdLength} characters.", nameof(customerId));
        }

        var hidden = hiddenTabs.Distinct(StringComparer.Ordinal).ToList();
        var unknown = hidden.FirstOrDefault(k => PortalTabs.Find(k) is null);
        if (unknown is not null)
        {
            throw new ArgumentException($"Unknown portal tab '{unknown}'.", nameof(hiddenTabs));
        }

        var row = await db.Set<CustomerPortalAccess>().FirstOrDefaultAsync(a => a.CustomerId == customerId, cancellationToken);
        if (!denyPortal && hidden.Count == 0)
        {
            if (row is not null)
            {
                db.Remove(row);
                await db.SaveChangesAsync(cancellationToken);
            }

            return;
        }

        if (row is null)
        {
            row = new CustomerPortalAccess { CustomerId = customerId };
            db.Add(row);
        }

        row.DenyPortal = denyPortal;
        row.HiddenTabs = string.Join(' ', PortalTabs.All.Select(t => t.Key).Where(hidden.Contains));
        row.UpdatedUtc = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
    }
}
