using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using OrchardPortal.Payments.Attempts;
using OrchardPortal.Payments.Autopay.Models;
using OrchardPortal.Payments.Gateways;

namespace OrchardPortal.Payments.Autopay.Job;

public sealed partial class AutopayCharger
{
    /// <summary>
    /// Applies the gateway's answer (a success is recorded in the ledger with its auto-charge receipt) and moves the
    /// charge on, in one transaction: paid; or failed, with the customer's email, the next try after the tenant's
    /// retry interval, or no more tries after the last one. <paramref name="result"/> null: stop without an answer.
    /// </summary>
    private Task<AutopayOutcome> FinishAsync(
        AutopayCharge charge, string token, PaymentAttempt attempt, PaymentResult? result, string? code, string? message, CancellationToken cancellationToken) =>
        Turns.WriteAsync(() => FinishInTurnAsync(charge, token, attempt, result, code, message, cancellationToken));

    private async Task<AutopayOutcome> FinishInTurnAsync(
        AutopayCharge charge, string token, PaymentAttempt attempt, PaymentResult? result, string? code, string? message, CancellationToken cancellationToken)
    {
        try
        {
            return await FinishOnceAsync(charge, token, attempt, result, code, message, inTransaction: true, cancellationToken);
        }
        catch (DbUpdateException exception)
        {
            // A webhook recorded the same payment, or another payment changed the invoice, at the same moment. The
            // ledger retries such conflicts on its own, but not inside a caller's transaction: do it without one.
            logger.LogInformation(exception, "Autopay charge {Charge}: a concurrent change; applying the answer again outside a transaction.", charge.Id);
            db.ChangeTracker.Clear();
            return await FinishOnceAsync(charge, token, attempt, result, code, message, inTransaction: false, cancellationToken);
        }
    }

    private async Task<AutopayOutcome> FinishOnceAsync(
        AutopayCharge charge, string token, PaymentAttempt attempt, PaymentResult? result, string? code, string? message, bool inTransaction, CancellationToken cancellationToken)
    {
        await using var transaction = inTransaction ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        var applied = result is null ? attempt : await attempts.ApplyAsync(attempt.Id, result, cancellationToken);
        var row = await db.Set<AutopayCharge>().FirstOrDefaultAsync(c => c.Id == charge.Id && c.LeaseToken == token, cancellationToken);
        if (row is null)
        {
            // Our lease lapsed and another run holds the charge: the money (if any) is recorded; the row is theirs.
            if (transaction is not null)
            {
                await transaction.CommitAsync(cancellationToken);
            }

            return AutopayOutcome.Lost;
        }

        var retryDays = (await settings.GetAsync(cancellationToken)).AutopayRetryIntervalDays;
        var (outcome, emailFailure) = AutopaySettlement.Settle(row, applied, result is not null, code, message, options.CurrentValue, retryDays, clock.GetUtcNow());
        if (emailFailure)
        {
            await failureEmail.EnqueueAsync(row, row.LastMessage!, row.Status == AutopayChargeStatus.Failed ? null : row.NextAttemptUtc, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }

        return outcome;
    }

    private Task<AutopayOutcome> ReleaseUnknownAsync(AutopayCharge charge, string token, PaymentAttempt attempt, string code, CancellationToken cancellationToken) =>
        Turns.WriteAsync(() => ReleaseUnknownInTurnAsync(charge, token, attempt, code, cancellationToken));

    private async Task<AutopayOutcome> ReleaseUnknownInTurnAsync(AutopayCharge charge, string token, PaymentAttempt attempt, string code, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var message = AutopaySettlement.UnknownMessage(code);
        var rows = await db.Set<AutopayCharge>().Where(c => c.Id == charge.Id && c.LeaseToken == token).ExecuteUpdateAsync(s => s
            .SetProperty(c => c.Status, AutopayChargeStatus.Unknown)
            .SetProperty(c => c.PaymentAttemptId, attempt.Id)
            .SetProperty(c => c.LastCode, AutopaySettlement.UnknownCode(code))
            .SetProperty(c => c.LastMessage, message)
            .SetProperty(c => c.NextAttemptUtc, now + options.CurrentValue.UnknownRetryDelay)
            .SetProperty(c => c.LastRunUtc, now)
            .SetProperty(c => c.UpdatedUtc, now)
            .SetProperty(c => c.LeaseToken, (string?)null)
            .SetProperty(c => c.LeaseUntilUtc, (DateTimeOffset?)null)
            .SetProperty(c => c.Version, c => c.Version + 1), cancellationToken);
        return rows == 0 ? AutopayOutcome.Lost : AutopayOutcome.Unknown;
    }

    private Task<AutopayOutcome> SkipAsync(AutopayCharge charge, string token, string code, string message, CancellationToken cancellationToken) =>
        Turns.WriteAsync(() => SkipInTurnAsync(charge, token, code, message, cancellationToken));

    private async Task<AutopayOutcome> SkipInTurnAsync(AutopayCharge charge, string token, string code, string message, CancellationToken cancellationToken)
    {
        var row = await db.Set<AutopayCharge>().FirstOrDefaultAsync(c => c.Id == charge.Id && c.LeaseToken == token, cancellationToken);
        if (row is null)
        {
            return AutopayOutcome.Lost;
        }

        AutopaySettlement.Skip(row, code, message, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return AutopayOutcome.Skipped;
    }
}
