using Microsoft.EntityFrameworkCore;
using OrchardPortal.Billing.Models;
using OrchardPortal.Billing.Services;
using OrchardPortal.Core.Data;
using OrchardPortal.Customers.Services;

namespace OrchardPortal.Billing.Ledger;

/// <summary>
/// The customer's account, and the public contract for payment code (the Payments module, staff's
/// offline payments): balances, what is owed, and recording payments and refunds exactly once.
/// <para>
/// Recording rules: every recording runs in one database transaction (its own, or the caller's when
/// one is open). The idempotency key is unique in the table, so the same payment reported twice — a
/// duplicate webhook, a retry after a crash, two nodes at once — is written once and the second call
/// gets the first record back (<see cref="LedgerOutcome.AlreadyRecorded"/>). Money received is always
/// recorded in full; an allocation never takes an invoice past its balance, and whatever cannot be
/// applied stays on the account as a credit (<see cref="Payment.Unapplied"/>). Check limits (not above
/// the balance, tenant minimum) before charging, with <see cref="AmountDueAsync"/>.
/// </para>
/// Scoped to a tenant. Use it with no other pending changes in the scope's context: a refused or
/// retried recording clears the context.
/// </summary>
public sealed partial class BillingLedger(TenantDbContext db, CustomerService customers, BillingContext billing, TimeProvider clock)
{
    private const int MaxAttempts = 8;

    /// <summary>What the customer owes now (negative: a credit): the sum of their ledger rows.</summary>
    public Task<long> GetBalanceAsync(long customerId, CancellationToken cancellationToken) =>
        db.Set<LedgerEntry>().Where(e => e.CustomerId == customerId).SumAsync(e => e.Amount, cancellationToken);

    /// <summary>The balance just before <paramref name="date"/>: a statement's opening balance.</summary>
    public Task<long> GetBalanceBeforeAsync(long customerId, DateOnly date, CancellationToken cancellationToken) =>
        db.Set<LedgerEntry>().Where(e => e.CustomerId == customerId && e.Date < date).SumAsync(e => e.Amount, cancellationToken);

    /// <summary>Ledger rows in date order (oldest first), optionally within <paramref name="from"/>..<paramref name="to"/> inclusive.</summary>
    public async Task<IReadOnlyList<LedgerEntry>> EntriesAsync(long customerId, DateOnly? from, DateOnly? to, CancellationToken cancellationToken)
    {
        var rows = db.Set<LedgerEntry>().AsNoTracking().Where(e => e.CustomerId == customerId);
        if (from is { } start)
        {
            rows = rows.Where(e => e.Date >= start);
        }

        if (to is { } end)
        {
            rows = rows.Where(e => e.Date <= end);
        }

        return await rows.OrderBy(e => e.Date).ThenBy(e => e.Id).ToListAsync(cancellationToken);
    }

    /// <summary>The customer's open and partially paid invoices, oldest due first (the order "pay oldest first" uses).</summary>
    public async Task<IReadOnlyList<Invoice>> OpenInvoicesAsync(long customerId, CancellationToken cancellationToken) =>
        await OpenQuery(customerId).AsNoTracking().ToListAsync(cancellationToken);

    /// <summary>
    /// The amount due now for some of the customer's invoices (all open ones when <paramref name="invoiceIds"/>
    /// is null). Null when any id is not an open invoice of this customer: the caller must refuse, not guess.
    /// </summary>
    public async Task<AmountDue?> AmountDueAsync(long customerId, IReadOnlyCollection<long>? invoiceIds, CancellationToken cancellationToken)
    {
        var open = await OpenInvoicesAsync(customerId, cancellationToken);
        var chosen = invoiceIds is null ? open : open.Where(i => invoiceIds.Contains(i.Id)).ToList();
        if (invoiceIds is not null && (invoiceIds.Count == 0 || chosen.Count != invoiceIds.Distinct().Count()))
        {
            return null;
        }

        var currency = await billing.CurrencyAsync(cancellationToken);
        return new AmountDue(chosen.Sum(i => i.Balance), currency, [.. chosen.Select(i => new InvoiceDue(i.Id, i.Number, i.DueDate, i.Balance))]);
    }

    public Task<Payment?> GetPaymentAsync(long paymentId, CancellationToken cancellationToken) =>
        db.Set<Payment>().AsNoTracking().Include(p => p.Allocations).FirstOrDefaultAsync(p => p.Id == paymentId, cancellationToken);

    /// <summary>The payment recorded under <paramref name="idempotencyKey"/>, if any (for reconciling after a crash).</summary>
    public Task<Payment?> FindPaymentAsync(string idempotencyKey, CancellationToken cancellationToken) =>
        db.Set<Payment>().AsNoTracking().Include(p => p.Allocations).FirstOrDefaultAsync(p => p.IdempotencyKey == idempotencyKey, cancellationToken);

    /// <summary>The customer's payments, newest first.</summary>
    public async Task<IReadOnlyList<Payment>> PaymentsAsync(long customerId, CancellationToken cancellationToken) =>
        await db.Set<Payment>().AsNoTracking().Include(p => p.Allocations).Where(p => p.CustomerId == customerId)
            .OrderByDescending(p => p.ReceivedDate).ThenByDescending(p => p.Id).ToListAsync(cancellationToken);

    /// <summary>Payments applied to one invoice (with what of each went to it).</summary>
    public async Task<IReadOnlyList<(Payment Payment, PaymentAllocation Allocation)>> PaymentsForInvoiceAsync(long invoiceId, CancellationToken cancellationToken)
    {
        var rows = await (from a in db.Set<PaymentAllocation>().AsNoTracking()
                          join p in db.Set<Payment>().AsNoTracking() on a.PaymentId equals p.Id
                          where a.InvoiceId == invoiceId
                          orderby p.ReceivedDate, p.Id
                          select new { p, a }).ToListAsync(cancellationToken);
        return [.. rows.Select(r => (r.p, r.a))];
    }

    public async Task<IReadOnlyList<Refund>> RefundsAsync(long paymentId, CancellationToken cancellationToken) =>
        await db.Set<Refund>().AsNoTracking().Where(r => r.PaymentId == paymentId).OrderBy(r => r.Id).ToListAsync(cancellationToken);

    private IQueryable<Invoice> OpenQuery(long customerId) =>
        db.Set<Invoice>().Where(i => i.CustomerId == customerId && (i.Status == InvoiceStatus.Open || i.Status == InvoiceStatus.PartiallyPaid))
            .OrderBy(i => i.DueDate).ThenBy(i => i.IssueDate).ThenBy(i => i.Id);

    // Runs one recording attempt in a transaction of its own unless the caller has one open.
    private async Task<T> InTransactionAsync<T>(Func<Task<T>> work, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is not null)
        {
            return await work();
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            var result = await work();
            await transaction.CommitAsync(cancellationToken);
            return result;
        }
        catch
        {
            await transaction.RollbackAsync(CancellationToken.None);
            throw;
        }
    }
}
