using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OrchardPortal.Core.Data;
using OrchardPortal.Payments.Gateways;

namespace OrchardPortal.Payments.Reconciliation;

/// <summary>Saves a portal attempt's gateway request before it is sent, and reads it back for reconciliation.</summary>
public sealed class AttemptRequestStore(TenantDbContext db, TimeProvider clock)
{
    /// <summary>Saves the request for <paramref name="attemptId"/> once; a resubmit of the same form finds it already there.</summary>
    public async Task SaveAsync(string attemptId, PaymentRequest request, CancellationToken cancellationToken)
    {
        if (await db.Set<AttemptRequest>().AsNoTracking().AnyAsync(r => r.AttemptId == attemptId, cancellationToken))
        {
            return;
        }

        var row = new AttemptRequest { AttemptId = attemptId, RequestJson = JsonSerializer.Serialize(request), CreatedUtc = clock.GetUtcNow() };
        db.Add(row);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (DatabaseErrors.IsUniqueViolation(exception))
        {
            // A concurrent submit of the same form saved it first (with the same content).
        }
        finally
        {
            db.Entry(row).State = EntityState.Detached;
        }
    }

    public async Task<PaymentRequest?> FindAsync(string attemptId, CancellationToken cancellationToken)
    {
        var row = await db.Set<AttemptRequest>().AsNoTracking().FirstOrDefaultAsync(r => r.AttemptId == attemptId, cancellationToken);
        return row is null ? null : JsonSerializer.Deserialize<PaymentRequest>(row.RequestJson);
    }
}
