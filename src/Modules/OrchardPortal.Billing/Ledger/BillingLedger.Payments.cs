using Microsoft.EntityFrameworkCore;
using OrchardPortal.Billing.Data;
using OrchardPortal.Billing.Models;
using OrchardPortal.Core.Data;

namespace OrchardPortal.Billing.Ledger;

public sealed partial class BillingLedger
{
    /// <summary>
    /// Records money received, exactly once per <see cref="PaymentRequest.IdempotencyKey"/> (see the type's
    /// remarks). Refused, with nothing written, when the amount is not positive, the currency is not the
    /// tenant's, the customer does not exist, an allocation names an invoice that is not theirs and open,
    /// the allocations add up to more than the amount, or the key was used before for different money.
    /// </summary>
    public async Task<PaymentResult> RecordPaymentAsync(PaymentRequest request, CancellationToken cancellationToken)
    {
        var currency = await billing.CurrencyAsync(cancellationToken);
        var problem = await CheckAsync(request, currency, cancellationToken);
        if (problem is not null)
        {
            return PaymentResult.Refuse(problem);
        }

        for (var attempt = 1; ; attempt++)
        {
            var existing = await FindPaymentAsync(request.IdempotencyKey, cancellationToken);
            if (existing is not null)
            {
                return existing.CustomerId == request.CustomerId && existing.Amount == request.Amount && existing.Currency == currency
                    ? new PaymentResult(LedgerOutcome.AlreadyRecorded, existing, null)
                    : PaymentResult.Refuse("This payment key was already used for a different payment; nothing was recorded.");
            }

            try
            {
                var payment = await InTransactionAsync(() => WritePaymentAsync(request, currency, cancellationToken), cancellationToken);
                db.ChangeTracker.Clear();
                return new PaymentResult(LedgerOutcome.Recorded, await GetPaymentAsync(payment.Id, cancellationToken), null);
            }
            catch (DbUpdateException exception) when (attempt < MaxAttempts && db.Database.CurrentTransaction is null
                && (exception is DbUpdateConcurrencyException || DatabaseErrors.IsUniqueViolation(exception)))
            {
                // Someone recorded this key meanwhile (the loop then returns theirs), or an invoice changed
                // under us (another payment to it): start again from fresh rows.
                db.ChangeTracker.Clear();
            }
        }
    }

    private async Task<Payment> WritePaymentAsync(PaymentRequest request, string currency, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var payment = NewPayment(request, currency, request.ReceivedDate ?? await billing.TodayAsync(cancellationToken), now);
        // The key's row goes in first: a second recorder of the same key stops here, at the unique index.
        db.Add(payment);
        await db.SaveChangesAsync(cancellationToken);

        Apply(payment, request.Allocations, await OpenQuery(request.CustomerId).ToListAsync(cancellationToken), now);
        if (request.OnRecorded is not null)
        {
            await request.OnRecorded(payment, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        return payment;
    }

    private static Payment NewPayment(PaymentRequest request, string currency, DateOnly received, DateTimeOffset now) => new()
    {
        CustomerId = request.CustomerId,
        Amount = request.Amount,
        Currency = currency,
        Method = request.Method,
        ExternalReference = Clip(request.ExternalReference, BillingModel.ReferenceLength),
        IdempotencyKey = request.IdempotencyKey,
        ReceivedDate = received,
        Note = Clip(request.Note, BillingModel.ReasonLength),
        RecordedBy = Clip(request.RecordedBy, BillingModel.NameLength),
        CreatedUtc = now,
    };

    /// <summary>
    /// Applies a saved payment to the customer's <paramref name="open"/> invoices (tracked, oldest due first) as
    /// <paramref name="plan"/> says (null: oldest first), each capped at its balance now, not when the customer
    /// looked, so nothing is over-paid; the rest stays on the account. Adds the payment's ledger row.
    /// </summary>
    private void Apply(Payment payment, IReadOnlyList<InvoiceAllocation>? plan, IReadOnlyList<Invoice> open, DateTimeOffset now)
    {
        plan ??= [.. open.Select(i => new InvoiceAllocation(i.Id, long.MaxValue))];
        var left = payment.Amount;
        foreach (var wanted in plan)
        {
            var invoice = open.FirstOrDefault(i => i.Id == wanted.InvoiceId);
            var amount = invoice is null ? 0 : Math.Min(Math.Min(wanted.Amount, left), invoice.Balance);
            if (amount <= 0)
            {
                continue;
            }

            payment.Allocations.Add(new PaymentAllocation { InvoiceId = invoice!.Id, Amount = amount });
            invoice.AmountPaid += amount;
            invoice.Status = InvoiceStatusRule.Of(invoice);
            invoice.UpdatedUtc = now;
            invoice.Version++;
            left -= amount;
        }

        payment.Unapplied = left;
        db.Add(LedgerRows.Payment(payment, now));
    }

    private async Task<string?> CheckAsync(PaymentRequest request, string currency, CancellationToken cancellationToken)
    {
        if (BasicProblem(request, currency) is { } problem)
        {
            return problem;
        }

        if (await customers.GetAsync(request.CustomerId, cancellationToken) is null)
        {
            return "There is no such customer.";
        }

        if (request.Allocations is { } allocations)
        {
            var ids = allocations.Select(a => a.InvoiceId).ToList();
            var theirs = await db.Set<Invoice>().AsNoTracking().CountAsync(i => ids.Contains(i.Id) && i.CustomerId == request.CustomerId && i.IssuedUtc != null && i.VoidedUtc == null, cancellationToken);
            if (theirs != ids.Count)
            {
                return "Payments can only go to this customer's issued, unvoided invoices.";
            }
        }

        return null;
    }

    /// <summary>What is wrong with the request on its face, before any row is read.</summary>
    private static string? BasicProblem(PaymentRequest request, string currency)
    {
        if (request.Amount <= 0)
        {
            return "Enter an amount above zero.";
        }

        if (request.Currency is not null && !string.Equals(request.Currency, currency, StringComparison.OrdinalIgnoreCase))
        {
            return $"Payments must be in {currency}.";
        }

        if (string.IsNullOrWhiteSpace(request.IdempotencyKey) || request.IdempotencyKey.Length > BillingModel.KeyLength)
        {
            return $"A payment needs an idempotency key of 1 to {BillingModel.KeyLength} characters.";
        }

        if (request.Allocations is { } allocations)
        {
            if (allocations.Any(a => a.Amount <= 0) || allocations.Select(a => a.InvoiceId).Distinct().Count() != allocations.Count)
            {
                return "Each invoice may be paid once per payment, with an amount above zero.";
            }

            if (allocations.Sum(a => a.Amount) > request.Amount)
            {
                return "The amounts for the invoices add up to more than the payment.";
            }
        }

        return null;
    }

    private static string? Clip(string? text, int length)
    {
        var trimmed = text?.Trim();
        return string.IsNullOrEmpty(trimmed) ? null : trimmed.Length > length ? trimmed[..length] : trimmed;
    }
}
