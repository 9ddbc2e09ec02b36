using Microsoft.EntityFrameworkCore;
using OrchardPortal.Billing.Data;
using OrchardPortal.Billing.Models;
using OrchardPortal.Core.Data;

namespace OrchardPortal.Billing.Ledger;

public sealed partial class BillingLedger
{
    /// <summary>
    /// Records money given back on a payment, exactly once per key. The refund first uses up the
    /// payment's unapplied credit, then takes back what it paid on invoices, latest first (those invoices
    /// owe again). Refused, with nothing written, when the amount is not positive or is more than what is
    /// left of the payment, or the key was used before for a different refund.
    /// </summary>
    public async Task<RefundResult> RecordRefundAsync(RefundRequest request, CancellationToken cancellationToken)
    {
        if (request.Amount <= 0)
        {
            return RefundResult.Refuse("Enter a refund amount above zero.");
        }

        if (string.IsNullOrWhiteSpace(request.IdempotencyKey) || request.IdempotencyKey.Length > BillingModel.KeyLength)
        {
            return RefundResult.Refuse($"A refund needs an idempotency key of 1 to {BillingModel.KeyLength} characters.");
        }

        for (var attempt = 1; ; attempt++)
        {
            var existing = await db.Set<Refund>().AsNoTracking().FirstOrDefaultAsync(r => r.IdempotencyKey == request.IdempotencyKey, cancellationToken);
            if (existing is not null)
            {
                return existing.PaymentId == request.PaymentId && existing.Amount == request.Amount
                    ? new RefundResult(LedgerOutcome.AlreadyRecorded, existing, null)
                    : RefundResult.Refuse("This refund key was already used for a different refund; nothing was recorded.");
            }

            try
            {
                var result = await InTransactionAsync(() => WriteRefundAsync(request, cancellationToken), cancellationToken);
                db.ChangeTracker.Clear();
                return result;
            }
            catch (DbUpdateException exception) when (attempt < MaxAttempts && db.Database.CurrentTransaction is null
                && (exception is DbUpdateConcurrencyException || DatabaseErrors.IsUniqueViolation(exception)))
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    private async Task<RefundResult> WriteRefundAsync(RefundRequest request, CancellationToken cancellationToken)
    {
        var payment = await db.Set<Payment>().Include(p => p.Allocations).FirstOrDefaultAsync(p => p.Id == request.PaymentId, cancellationToken);
        if (payment is null)
        {
            return RefundResult.Refuse("There is no such payment.");
        }

        var refundable = payment.Amount - payment.RefundedAmount;
        if (request.Amount > refundable)
        {
            return RefundResult.Refuse(refundable == 0
                ? "This payment was already refunded in full."
                : $"You can refund at most {(await billing.FormatterAsync(cancellationToken))(refundable)} of this payment.");
        }

        var now = clock.GetUtcNow();
        var refund = new Refund
        {
            PaymentId = payment.Id,
            CustomerId = payment.CustomerId,
            Amount = request.Amount,
            IdempotencyKey = request.IdempotencyKey,
            ExternalReference = Clip(request.ExternalReference, BillingModel.ReferenceLength),
            Reason = Clip(request.Reason, BillingModel.ReasonLength),
            Date = request.Date ?? await billing.TodayAsync(cancellationToken),
            CreatedUtc = now,
        };
        db.Add(refund);
        payment.RefundedAmount += request.Amount;
        payment.Version++;

        var left = request.Amount;
        var fromCredit = Math.Min(left, payment.Unapplied);
        payment.Unapplied -= fromCredit;
        left -= fromCredit;
        if (left > 0)
        {
            var ids = payment.Allocations.Select(a => a.InvoiceId).ToList();
            var invoices = await db.Set<Invoice>().Where(i => ids.Contains(i.Id)).ToDictionaryAsync(i => i.Id, cancellationToken);
            foreach (var allocation in payment.Allocations.OrderByDescending(a => a.Id))
            {
                var amount = Math.Min(left, allocation.Amount - allocation.RefundedAmount);
                if (amount <= 0)
                {
                    continue;
                }

                allocation.RefundedAmount += amount;
                var invoice = invoices[allocation.InvoiceId];
                invoice.AmountPaid -= amount;
                invoice.Status = InvoiceStatusRule.Of(invoice);
                invoice.UpdatedUtc = now;
                invoice.Version++;
                left -= amount;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        db.Add(LedgerRows.Refund(refund, payment, now));
        if (request.OnRecorded is not null)
        {
            await request.OnRecorded(refund, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        return new RefundResult(LedgerOutcome.Recorded, refund, null);
    }
}
