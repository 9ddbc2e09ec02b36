using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrchardPortal.Billing.Ledger;
using OrchardPortal.Core.Data;
using OrchardPortal.Core.Tenancy;
using OrchardPortal.Payments.Attempts;
using OrchardPortal.Payments.Autopay.Models;
using OrchardPortal.Payments.Gateways;
using OrchardPortal.Payments.PayInvoices;

namespace OrchardPortal.Payments.Autopay.Job;

/// <summary>
/// Charges a claimed batch with a few statements instead of a few dozen per charge: one read of the charges, their
/// invoices and enrolments; one write of every attempt before the gateway hears of any; the gateway calls, several
/// at once; one transaction applying every answer (payments in the ledger with their receipts, failures with their
/// emails). Whatever is not plain (a charge that already has an attempt, a customer the gateway does not know yet,
/// a write that met a concurrent change) goes back to the run, which charges it with <see cref="AutopayCharger"/>
/// on its own; asking the gateway again there is safe, as each charge keeps its key. One instance per batch scope.
/// </summary>
public sealed class AutopayBatch(
    TenantDbContext db,
    BillingLedger ledger,
    PaymentAttemptService attempts,
    PaymentGatewayResolver gateways,
    PayService pay,
    AutopayFailureEmail failureEmail,
    Settings.PaymentSettingsService settings,
    IOptionsMonitor<AutopayOptions> options,
    TenantScope tenant,
    TimeProvider clock,
    ILogger<AutopayBatch> logger)
{
    /// <summary>Returns what was done, and the ids the run must charge one by one.</summary>
    public async Task<(List<AutopayOutcome> Outcomes, List<string> OneByOne)> ChargeAsync(IReadOnlyList<string> ids, string token, AutopayTurns turns, CancellationToken cancellationToken)
    {
        var outcomes = new List<AutopayOutcome>();
        var charges = await db.Set<AutopayCharge>().Where(c => ids.Contains(c.Id) && c.LeaseToken == token).ToListAsync(cancellationToken);
        outcomes.AddRange(Enumerable.Repeat(AutopayOutcome.Lost, ids.Count - charges.Count));
        var keys = charges.Select(c => c.IdempotencyKey).ToList();
        var started = (await db.Set<PaymentAttempt>().AsNoTracking().Where(a => keys.Contains(a.IdempotencyKey)).Select(a => a.IdempotencyKey).ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.Ordinal);
        var oneByOne = new List<string>();
        foreach (var charge in charges.Where(c => started.Contains(c.IdempotencyKey)))
        {
            db.Entry(charge).State = EntityState.Detached;
            oneByOne.Add(charge.Id);
        }

        var planned = await PlanAsync([.. charges.Where(c => !started.Contains(c.IdempotencyKey))], outcomes, turns, cancellationToken);
        if (planned is null)
        {
            // The batch's first write met a concurrent change: nothing of it was written.
            return (outcomes, [.. oneByOne, .. charges.Where(c => !started.Contains(c.IdempotencyKey)).Select(c => c.Id)]);
        }

        var calls = await CallsAsync(planned, oneByOne, cancellationToken);
        var answers = new AutopayAnswer[calls.Count];
        // As many at once as the run's turns allow (the default would be one per processor).
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.CurrentValue.MaxConcurrentCharges) };
        await Parallel.ForEachAsync(Enumerable.Range(0, calls.Count), parallel, async (i, _) =>
        {
            var (charge, attempt, gateway, customer) = calls[i];
            await turns.Calls.WaitAsync(CancellationToken.None);
            try
            {
                answers[i] = await AutopayGatewayCall.AskAsync(
                    () => gateway.CreatePaymentAsync(AutopayGatewayCall.Request(charge, attempt, customer, tenant.Required.Name), CancellationToken.None),
                    attempt.Amount, charge.Id, tenant.Required.Name, logger);
            }
            catch (Exception exception)
            {
                // Not an answer: the lease lapses and a later run asks again with the same key.
                logger.LogError(exception, "Autopay charge {Charge} of tenant {Tenant}: the gateway call failed; it is tried again later.", charge.Id, tenant.Required.Name);
                answers[i] = default;
            }
            finally
            {
                turns.Calls.Release();
            }
        });

        var finished = await turns.WriteAsync(() => FinishAsync(calls, answers, cancellationToken));
        if (finished is null)
        {
            oneByOne.AddRange(calls.Select(c => c.Charge.Id));
        }
        else
        {
            outcomes.AddRange(finished);
        }

        return (outcomes, oneByOne);
    }

    /// <summary>The attempt of a first try, with the whole balance of the invoice going to it.</summary>
    public static NewPaymentAttempt NewAttempt(AutopayCharge charge, AutopayEnrollment enrollment, Billing.Models.Invoice invoice) => new(
        charge.IdempotencyKey, charge.CustomerId, enrollment.Gateway, enrollment.MethodKind, invoice.Balance, invoice.Currency,
        [new AttemptAllocation(invoice.Id, invoice.Balance)], OffSession: true);

    /// <summary>
    /// First tries: skips what is no longer due or enrolled, and writes the method and amount on each charge and its
    /// attempt, all in one save, before any gateway call. Null when that save met a concurrent change.
    /// </summary>
    private async Task<List<(AutopayCharge Charge, PaymentAttempt Attempt)>?> PlanAsync(
        List<AutopayCharge> fresh, List<AutopayOutcome> outcomes, AutopayTurns turns, CancellationToken cancellationToken)
    {
        if (fresh.Count == 0)
        {
            return [];
        }

        var customerIds = fresh.Select(c => c.CustomerId).Distinct().ToList();
        var enrollments = await db.Set<AutopayEnrollment>().AsNoTracking().Where(e => customerIds.Contains(e.CustomerId)).ToDictionaryAsync(e => e.CustomerId, cancellationToken);
        var invoices = await ledger.InvoicesAsync([.. fresh.Select(c => c.InvoiceId).Distinct()], cancellationToken);
        var now = clock.GetUtcNow();
        var planned = new List<(AutopayCharge, PaymentAttempt)>();
        var skipped = 0;
        foreach (var charge in fresh)
        {
            var enrollment = enrollments.GetValueOrDefault(charge.CustomerId);
            var invoice = invoices.GetValueOrDefault(charge.InvoiceId);
            if (AutopaySettlement.Refusal(charge, enrollment, invoice) is { } refusal)
            {
                AutopaySettlement.Skip(charge, refusal.Code, refusal.Message, now);
                skipped++;
                continue;
            }

            (charge.MethodId, charge.Amount, charge.UpdatedUtc) = (enrollment!.MethodId, invoice!.Balance, now);
            charge.Version++;
            var attempt = PaymentAttemptService.New(NewAttempt(charge, enrollment, invoice), now);
            db.Add(attempt);
            planned.Add((charge, attempt));
        }

        var saved = await turns.WriteAsync(() => SaveAsync(cancellationToken));
        if (!saved)
        {
            return null;
        }

        outcomes.AddRange(Enumerable.Repeat(AutopayOutcome.Skipped, skipped));
        return planned;
    }

    /// <summary>The gateway and the gateway's customer of each planned charge; those without one go one by one (which creates it).</summary>
    private async Task<List<(AutopayCharge Charge, PaymentAttempt Attempt, IPaymentGateway Gateway, string Customer)>> CallsAsync(
        List<(AutopayCharge Charge, PaymentAttempt Attempt)> planned, List<string> oneByOne, CancellationToken cancellationToken)
    {
        var calls = new List<(AutopayCharge, PaymentAttempt, IPaymentGateway, string)>();
        foreach (var group in planned.GroupBy(p => p.Attempt.Gateway))
        {
            IPaymentGateway? gateway;
            try
            {
                gateway = await gateways.GetAsync(group.Key, cancellationToken);
            }
            catch (PaymentGatewayException)
            {
                gateway = null;
            }

            IReadOnlyDictionary<long, string> known = gateway is null
                ? new Dictionary<long, string>()
                : await pay.KnownGatewayCustomersAsync(gateway, [.. group.Select(p => p.Attempt.CustomerId).Distinct()], cancellationToken);
            foreach (var (charge, attempt) in group)
            {
                if (gateway is not null && known.TryGetValue(attempt.CustomerId, out var customer))
                {
                    calls.Add((charge, attempt, gateway, customer));
                }
                else
                {
                    db.Entry(charge).State = EntityState.Detached;
                    oneByOne.Add(charge.Id);
                }
            }
        }

        return calls;
    }

    /// <summary>
    /// Applies every answer and moves every charge on in one transaction. Null (nothing written) when the batch cannot
    /// be applied as one; the run then charges each on its own, where the gateway replays the same answer for the same key.
    /// </summary>
    private async Task<List<AutopayOutcome>?> FinishAsync(
        List<(AutopayCharge Charge, PaymentAttempt Attempt, IPaymentGateway Gateway, string Customer)> calls, AutopayAnswer[] answers, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            var answered = calls.Select((c, i) => (c.Attempt.Id, answers[i].Result)).Where(a => a.Result is not null).Select(a => (a.Id, a.Result!)).ToList();
            var applied = await attempts.TryApplyManyAsync(answered, cancellationToken);
            if (applied is null)
            {
                await transaction.RollbackAsync(CancellationToken.None);
                db.ChangeTracker.Clear();
                return null;
            }

            var now = clock.GetUtcNow();
            var current = options.CurrentValue;
            var retryDays = (await settings.GetAsync(cancellationToken)).AutopayRetryIntervalDays;
            var outcomes = new List<AutopayOutcome>(calls.Count);
            for (var i = 0; i < calls.Count; i++)
            {
                var (charge, attempt, _, _) = calls[i];
                if (answers[i].Result is null)
                {
                    if (answers[i].UnknownCode is { } code)
                    {
                        AutopaySettlement.Unknown(charge, attempt.Id, code, current, now);
                        outcomes.Add(AutopayOutcome.Unknown);
                    }
                    else
                    {
                        // The call itself failed: the row is left as it is, its lease lapses and a later run asks again with the same key.
                        outcomes.Add(AutopayOutcome.Lost);
                    }

                    continue;
                }

                var (outcome, emailFailure) = AutopaySettlement.Settle(charge, applied[attempt.Id], answered: true, null, null, current, retryDays, now);
                if (emailFailure)
                {
                    await failureEmail.EnqueueAsync(charge, charge.LastMessage!, charge.Status == AutopayChargeStatus.Failed ? null : charge.NextAttemptUtc, cancellationToken);
                }

                outcomes.Add(outcome);
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return outcomes;
        }
        catch (DbUpdateException exception)
        {
            logger.LogInformation(exception, "Autopay batch of tenant {Tenant} met a concurrent change; charging its {Count} charges one by one.", tenant.Required.Name, calls.Count);
            await transaction.RollbackAsync(CancellationToken.None);
            db.ChangeTracker.Clear();
            return null;
        }
    }

    private async Task<bool> SaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException exception)
        {
            logger.LogInformation(exception, "Autopay batch of tenant {Tenant} met a concurrent change before charging; charging it one by one.", tenant.Required.Name);
            db.ChangeTracker.Clear();
            return false;
        }
    }
}
