using Microsoft.EntityFrameworkCore;
using OrchardPortal.Billing.Models;

namespace OrchardPortal.Billing.Ledger;

public sealed partial class BillingLedger
{
    /// <summary>
    /// Records many new payments with a handful of statements, for background work that learns of many at once
    /// (autopay). The rules are <see cref="RecordPaymentAsync"/>'s, all or nothing: when any request would be
    /// refused, or any key was recorded before, nothing is written and null comes back, and the caller records
    /// them one by one with <see cref="RecordPaymentAsync"/>, which decides each. Must run inside the caller's
    /// transaction: a key recorded meanwhile by someone else fails the save (a unique violation) and the caller
    /// rolls back and goes one by one too. Requests of one customer are applied in order, each to what the
    /// earlier ones left open.
    /// </summary>
    public async Task<IReadOnlyList<Payment>?> TryRecordPaymentsAsync(IReadOnlyList<PaymentRequest> requests, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("Recording a batch of payments needs the caller's transaction.");
        }

        if (requests.Count == 0)
        {
            return [];
        }

        var currency = await billing.CurrencyAsync(cancellationToken);
        var keys = requests.Select(r => r.IdempotencyKey).ToList();
        if (requests.Any(r => BasicProblem(r, currency) is not null) || keys.Distinct(StringComparer.Ordinal).Count() != keys.Count
            || await db.Set<Payment>().AnyAsync(p => keys.Contains(p.IdempotencyKey), cancellationToken))
        {
            return null;
        }

        var customerIds = requests.Select(r => r.CustomerId).Distinct().ToList();
        if ((await customers.GetManyAsync(customerIds, cancellationToken)).Count != customerIds.Count || !await AllocationsValidAsync(requests, cancellationToken))
        {
            return null;
        }

        var now = clock.GetUtcNow();
        var today = await billing.TodayAsync(cancellationToken);
        var payments = requests.Select(r => NewPayment(r, currency, r.ReceivedDate ?? today, now)).ToList();
        db.AddRange(payments);
        await db.SaveChangesAsync(cancellationToken);

        var open = (await db.Set<Invoice>()
                .Where(i => customerIds.Contains(i.CustomerId) && (i.Status == InvoiceStatus.Open || i.Status == InvoiceStatus.PartiallyPaid))
                .OrderBy(i => i.DueDate).ThenBy(i => i.IssueDate).ThenBy(i => i.Id)
                .ToListAsync(cancellationToken))
            .ToLookup(i => i.CustomerId);
        for (var i = 0; i < requests.Count; i++)
        {
            Apply(payments[i], requests[i].Allocations, [.. open[requests[i].CustomerId]], now);
            if (requests[i].OnRecorded is { } recorded)
            {
                await recorded(payments[i], cancellationToken);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return payments;
    }

    /// <summary>The open and partially paid invoices of many customers at once (each customer's oldest due first), by customer.</summary>
    public async Task<ILookup<long, Invoice>> OpenInvoicesAsync(IReadOnlyCollection<long> customerIds, CancellationToken cancellationToken) =>
        (await db.Set<Invoice>().AsNoTracking()
            .Where(i => customerIds.Contains(i.CustomerId) && (i.Status == InvoiceStatus.Open || i.Status == InvoiceStatus.PartiallyPaid))
            .OrderBy(i => i.DueDate).ThenBy(i => i.IssueDate).ThenBy(i => i.Id)
            .ToListAsync(cancellationToken))
        .ToLookup(i => i.CustomerId);

    /// <summary>Invoices by id, without their lines (unknown ids are left out): what many charges are for, read at once.</summary>
    public async Task<IReadOnlyDictionary<long, Invoice>> InvoicesAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken) =>
        await db.Set<Invoice>().AsNoTracking().Where(i => ids.Contains(i.Id)).ToDictionaryAsync(i => i.Id, cancellationToken);

    private async Task<bool> AllocationsValidAsync(IReadOnlyList<PaymentRequest> requests, CancellationToken cancellationToken)
    {
        var wanted = requests.Where(r => r.Allocations is not null).SelectMany(r => r.Allocations!.Select(a => (r.CustomerId, a.InvoiceId))).ToList();
        if (wanted.Count == 0)
        {
            return true;
        }

        var ids = wanted.Select(w => w.InvoiceId).Distinct().ToList();
        var owners = await db.Set<Invoice>().AsNoTracking()
            .Where(i => ids.Contains(i.Id) && i.IssuedUtc != null && i.VoidedUtc == null)
            .Select(i => new { i.Id, i.CustomerId })
            .ToDictionaryAsync(i => i.Id, i => i.CustomerId, cancellationToken);
        return wanted.All(w => owners.TryGetValue(w.InvoiceId, out var owner) && owner == w.CustomerId);
    }
}
