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
    private async Task<AutopayOutcome> FinishAsync(
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

        var now = clock.GetUtcNow();
        AutopayOutcome outcome;
        switch (applied.Status)
        {
            case PaymentStatus.Succeeded:
                (row.Status, row.LastCode, row.LastMessage, outcome) = (AutopayChargeStatus.Paid, null, null, AutopayOutcome.Paid);
                break;
            case PaymentStatus.Processing:
                (row.Status, row.LastCode, row.LastMessage, outcome) = (AutopayChargeStatus.Processing, null, null, AutopayOutcome.Processing);
                break;
            case PaymentStatus.Failed:
            case PaymentStatus.Pending or PaymentStatus.RequiresAction when result is null:
                row.Attempts++;
                row.LastCode = code ?? applied.FailureCode ?? "declined";
                row.LastMessage = message ?? applied.FailureMessage ?? "The payment was declined.";
                var final = result is null || row.Attempts >= Math.Max(1, options.CurrentValue.MaxAttempts);
                var retryDays = (await settings.GetAsync(cancellationToken)).AutopayRetryIntervalDays;
                row.Status = final ? AutopayChargeStatus.Failed : AutopayChargeStatus.Retrying;
                row.NextAttemptUtc = final ? row.NextAttemptUtc : now.AddDays(retryDays);
                row.AcknowledgedUtc = null;
                if (result is not null)
                {
                    await failureEmail.EnqueueAsync(row, row.LastMessage, final ? null : row.NextAttemptUtc, cancellationToken);
                }

                outcome = AutopayOutcome.Failed;
                break;
            default:
                // An answer that is neither paid nor failed (the gateway still deciding): ask again later, same key.
                (row.Status, row.NextAttemptUtc, outcome) = (AutopayChargeStatus.Unknown, now + options.CurrentValue.UnknownRetryDelay, AutopayOutcome.Unknown);
                break;
        }

        row.PaymentAttemptId = attempt.Id;
        Release(row, now);
        await db.SaveChangesAsync(cancellationToken);
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }

        return outcome;
    }

    private async Task<AutopayOutcome> ReleaseUnknownAsync(AutopayCharge charge, string token, PaymentAttempt attempt, string code, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var message = code == "not_configured"
            ? "Stripe is chosen but cannot be used: check the keys in Payments settings."
            : "The payment processor did not answer; asking again shortly.";
        var rows = await db.Set<AutopayCharge>().Where(c => c.Id == charge.Id && c.LeaseToken == token).ExecuteUpdateAsync(s => s
            .SetProperty(c => c.Status, AutopayChargeStatus.Unknown)
            .SetProperty(c => c.PaymentAttemptId, attempt.Id)
            .SetProperty(c => c.LastCode, code.Length > Payments.Data.PaymentsModel.CodeLength ? "gateway_error" : code)
            .SetProperty(c => c.LastMessage, message)
            .SetProperty(c => c.NextAttemptUtc, now + options.CurrentValue.UnknownRetryDelay)
            .SetProperty(c => c.LastRunUtc, now)
            .SetProperty(c => c.UpdatedUtc, now)
            .SetProperty(c => c.LeaseToken, (string?)null)
            .SetProperty(c => c.LeaseUntilUtc, (DateTimeOffset?)null)
            .SetProperty(c => c.Version, c => c.Version + 1), cancellationToken);
        return rows == 0 ? AutopayOutcome.Lost : AutopayOutcome.Unknown;
    }

    private async Task<AutopayOutcome> SkipAsync(AutopayCharge charge, string token, string code, string message, CancellationToken cancellationToken)
    {
        var row = await db.Set<AutopayCharge>().FirstOrDefaultAsync(c => c.Id == charge.Id && c.LeaseToken == token, cancellationToken);
        if (row is null)
        {
            return AutopayOutcome.Lost;
        }

        (row.Status, row.LastCode, row.LastMessage) = (AutopayChargeStatus.Skipped, code, message);
        Release(row, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return AutopayOutcome.Skipped;
    }

    private static void Release(AutopayCharge row, DateTimeOffset now)
    {
        (row.LeaseToken, row.LeaseUntilUtc, row.LastRunUtc, row.UpdatedUtc) = (null, null, now, now);
        row.Version++;
    }
}
