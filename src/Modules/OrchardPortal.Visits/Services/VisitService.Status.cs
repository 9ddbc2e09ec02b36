using Microsoft.EntityFrameworkCore;
using OrchardPortal.Visits.Models;

namespace OrchardPortal.Visits.Services;

/// <summary>Moving a visit through its day: started, completed, skipped or cancelled. A step that no longer applies says why.</summary>
public sealed partial class VisitService
{
    public Task<VisitResult> StartAsync(long id, CancellationToken cancellationToken) =>
        ChangeAsync(id, visit =>
        {
            if (!visit.IsUpcoming)
            {
                return NotNow(visit, "started");
            }

            visit.Status = VisitStatus.InProgress;
            visit.StartedUtc = clock.GetUtcNow();
            visit.DelayMessage = null;
            return null;
        }, cancellationToken);

    /// <summary>
    /// Marks the visit done. Times are when the crew started and finished; the start defaults to when it
    /// was marked started, the finish to now. Staff often record this after the fact, so both may be given.
    /// </summary>
    public Task<VisitResult> CompleteAsync(long id, DateTimeOffset? startedUtc, DateTimeOffset? completedUtc, CancellationToken cancellationToken) =>
        ChangeAsync(id, visit =>
        {
            if (visit.Status is VisitStatus.Completed or VisitStatus.Skipped or VisitStatus.Cancelled)
            {
                return NotNow(visit, "completed");
            }

            var now = clock.GetUtcNow();
            var finished = (completedUtc ?? now).ToUniversalTime();
            var started = (startedUtc ?? visit.StartedUtc)?.ToUniversalTime();
            if (started is null)
            {
                return "Enter when the crew started.";
            }

            if (finished > now.AddMinutes(5))
            {
                return "The finish time can’t be in the future.";
            }

            if (finished < started)
            {
                return "The finish time must be after the start time.";
            }

            visit.Status = VisitStatus.Completed;
            visit.StartedUtc = started;
            visit.CompletedUtc = finished;
            visit.DelayMessage = null;
            return null;
        }, cancellationToken);

    public Task<VisitResult> SkipAsync(long id, CancellationToken cancellationToken) =>
        ChangeAsync(id, visit =>
        {
            if (!visit.IsUpcoming)
            {
                return NotNow(visit, "skipped");
            }

            visit.Status = VisitStatus.Skipped;
            visit.DelayMessage = null;
            return null;
        }, cancellationToken);

    public Task<VisitResult> CancelAsync(long id, CancellationToken cancellationToken) =>
        ChangeAsync(id, visit =>
        {
            if (visit.Status is VisitStatus.Completed or VisitStatus.Skipped or VisitStatus.Cancelled)
            {
                return NotNow(visit, "cancelled");
            }

            visit.Status = VisitStatus.Cancelled;
            visit.DelayMessage = null;
            return null;
        }, cancellationToken);

    /// <summary>A delayed visit back on its (possibly new) window: the delay notice disappears from the portal.</summary>
    public Task<VisitResult> ClearDelayAsync(long id, CancellationToken cancellationToken) =>
        ChangeAsync(id, visit =>
        {
            if (visit.Status != VisitStatus.Delayed)
            {
                return "This visit is not marked delayed.";
            }

            visit.Status = VisitStatus.Scheduled;
            visit.DelayMessage = null;
            return null;
        }, cancellationToken);

    /// <summary>The message for a change that lost to someone else's at the same moment.</summary>
    public const string ConcurrencyMessage = "Someone else changed this visit at the same time. Check it and try again.";

    public static string StatusLabel(VisitStatus status) => status switch
    {
        VisitStatus.InProgress => "In progress",
        _ => status.ToString(),
    };

    private static string NotNow(Visit visit, string verb) =>
        $"This visit is {StatusLabel(visit.Status).ToLowerInvariant()}, so it can’t be {verb}.";

    private async Task<VisitResult> SaveAsync(Visit visit, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return VisitResult.Ok(visit.Id);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.Entry(visit).State = EntityState.Detached;
            return VisitResult.Invalid(ConcurrencyMessage, visit.Id);
        }
    }

    // One visit, tracked; the change returns an error message (nothing saved) or null (saved).
    private async Task<VisitResult> ChangeAsync(long id, Func<Visit, string?> change, CancellationToken cancellationToken)
    {
        var visit = await db.Set<Visit>().FirstOrDefaultAsync(v => v.Id == id, cancellationToken);
        if (visit is null)
        {
            return VisitResult.Missing(id);
        }

        if (change(visit) is { } error)
        {
            db.Entry(visit).State = EntityState.Detached;
            return VisitResult.Invalid(error, id);
        }

        visit.UpdatedUtc = clock.GetUtcNow();
        visit.Version++;
        return await SaveAsync(visit, cancellationToken);
    }
}
