using Microsoft.EntityFrameworkCore;
using OrchardPortal.Customers.Models;

namespace OrchardPortal.Customers.Services;

public sealed partial class CustomerService
{
    private const int BatchSize = 500;

    /// <summary>
    /// Several customers by id, with their emails (not phones or addresses), for bulk actions such as
    /// inviting thousands of customers at once: one query per 500 ids rather than one per customer.
    /// Unknown ids are left out; the order is by id.
    /// </summary>
    public async Task<IReadOnlyList<Customer>> GetManyAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken)
    {
        var result = new List<Customer>(ids.Count);
        foreach (var chunk in ids.Distinct().Order().Chunk(BatchSize))
        {
            result.AddRange(await db.Set<Customer>().AsNoTracking()
                .Include(c => c.Emails.OrderBy(e => e.Id))
                .Where(c => chunk.Contains(c.Id))
                .OrderBy(c => c.Id)
                .ToListAsync(cancellationToken));
        }

        return result;
    }

    /// <summary>
    /// Sets <see cref="Customer.HasPortalAccount"/> on many customers in one statement per 500, inside the
    /// caller's transaction when there is one (the portal-users module commits it with the accounts it creates).
    /// </summary>
    public async Task SetHasPortalAccountAsync(IReadOnlyCollection<long> ids, bool value, CancellationToken cancellationToken)
    {
        foreach (var chunk in ids.Distinct().Chunk(BatchSize))
        {
            await db.Set<Customer>().Where(c => chunk.Contains(c.Id) && c.HasPortalAccount != value)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.HasPortalAccount, value), cancellationToken);
        }
    }
}
