using Microsoft.EntityFrameworkCore;
using OrchardPortal.Payments.Gateways;

namespace OrchardPortal.Payments.Attempts;

public sealed partial class PaymentAttemptService
{
    /// <summary>
    /// Applies many gateway answers at once inside the caller's transaction (autopay's batches), recording the
    /// succeeded ones through <see cref="IPaymentRecorder.TryRecordManyAsync"/>. Returns the attempts as they now
    /// stand (tracked), or null when the batch cannot be applied as one; then, and when a save fails because
    /// someone changed a row meanwhile, the caller rolls back and applies each answer with <see cref="ApplyAsync"/>.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, PaymentAttempt>?> TryApplyManyAsync(
        IReadOnlyList<(string AttemptId, PaymentResult Result)> answers, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("Applying a batch of answers needs the caller's transaction.");
        }

        var ids = answers.Select(a => a.AttemptId).Distinct(StringComparer.Ordinal).ToList();
        if (ids.Count != answers.Count)
        {
            return null;
        }

        var rows = await db.Set<PaymentAttempt>().Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, StringComparer.Ordinal, cancellationToken);
        if (rows.Count != ids.Count)
        {
            return null;
        }

        var now = clock.GetUtcNow();
        foreach (var (id, result) in answers)
        {
            Move(rows[id], result, now);
        }

        await db.SaveChangesAsync(cancellationToken);
        var unrecorded = rows.Values.Where(a => a.Status == PaymentStatus.Succeeded && a.RecordedUtc is null).ToList();
        if (unrecorded.Count > 0)
        {
            if (!await recorder.TryRecordManyAsync(unrecorded, cancellationToken))
            {
                return null;
            }

            foreach (var attempt in unrecorded)
            {
                attempt.RecordedUtc = now;
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        return rows;
    }
}
