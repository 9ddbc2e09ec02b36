using Microsoft.EntityFrameworkCore;
using OrchardPortal.Billing.Ledger;
using OrchardPortal.Core.Data;
using OrchardPortal.Payments.Autopay.Models;

namespace OrchardPortal.Payments.Autopay.Job;

/// <summary>
/// Writes a charge row for every open invoice of an enrolled customer whose due date has arrived (in the
/// tenant's time zone; UTC when it has none). The row's id is the invoice and due date, so planning twice,
/// or on two nodes at once, still makes one row per invoice and due date.
/// </summary>
public sealed class AutopayPlanner(TenantDbContext db, BillingLedger ledger, TimeProvider clock)
{
    private const int BatchSize = 200;

    /// <summary>Returns how many rows this call added.</summary>
    public async Task<int> PlanAsync(DateOnly today, CancellationToken cancellationToken)
    {
        var customers = await db.Set<AutopayEnrollment>().AsNoTracking().OrderBy(e => e.CustomerId).Select(e => e.CustomerId).ToListAsync(cancellationToken);
        var added = 0;
        foreach (var chunk in customers.Chunk(BatchSize))
        {
            // Billing's own rule for "open": its contract for payment code (this module never reads its tables).
            var open = await ledger.OpenInvoicesAsync(chunk, cancellationToken);
            var batch = chunk.SelectMany(customerId => open[customerId]
                    .Where(invoice => invoice.DueDate <= today && invoice.Balance > 0)
                    .Select(invoice => NewCharge(customerId, invoice.Id, invoice.Number, invoice.DueDate)))
                .ToList();
            added += await InsertNewAsync(batch, cancellationToken);
        }

        return added;
    }

    private AutopayCharge NewCharge(long customerId, long invoiceId, string number, DateOnly dueDate)
    {
        var now = clock.GetUtcNow();
        return new AutopayCharge
        {
            Id = AutopayCharge.IdFor(invoiceId, dueDate),
            CustomerId = customerId,
            InvoiceId = invoiceId,
            InvoiceNumber = number,
            DueDate = dueDate,
            Status = AutopayChargeStatus.Scheduled,
            NextAttemptUtc = now,
            CreatedUtc = now,
            UpdatedUtc = now,
        };
    }

    /// <summary>Inserts the rows not there yet, in one save; when another node inserted some meanwhile, one by one.</summary>
    private async Task<int> InsertNewAsync(List<AutopayCharge> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return 0;
        }

        var ids = rows.Select(r => r.Id).ToList();
        var existing = (await db.Set<AutopayCharge>().AsNoTracking().Where(c => ids.Contains(c.Id)).Select(c => c.Id).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var fresh = rows.Where(r => !existing.Contains(r.Id)).ToList();
        if (fresh.Count == 0)
        {
            return 0;
        }

        try
        {
            db.AddRange(fresh);
            await db.SaveChangesAsync(cancellationToken);
            return fresh.Count;
        }
        catch (DbUpdateException exception) when (DatabaseErrors.IsUniqueViolation(exception))
        {
            db.ChangeTracker.Clear();
        }

        var added = 0;
        foreach (var row in fresh)
        {
            try
            {
                db.Add(row);
                await db.SaveChangesAsync(cancellationToken);
                added++;
            }
            catch (DbUpdateException exception) when (DatabaseErrors.IsUniqueViolation(exception))
            {
                // Another node planned this one first: theirs is the row.
            }
            finally
            {
                db.ChangeTracker.Clear();
            }
        }

        return added;
    }
}
