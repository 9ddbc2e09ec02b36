using Microsoft.EntityFrameworkCore;
using OrchardPortal.Core.Data;
using OrchardPortal.Visits.Data;
using OrchardPortal.Visits.Models;
using OrchardPortal.Visits.Services;

namespace OrchardPortal.Visits.ChangeRequests;

/// <summary>What a customer asks for in the portal: move or skip one upcoming visit, with their reasons.</summary>
public sealed record VisitChangeAsk(long CustomerId, long VisitId, VisitChangeKind Kind, string? PreferredDates, string? Notes, string RequestedBy, string? RequestedByEmail);

/// <summary>The request's id, or the message for the person who asked or decided (nothing changed then).</summary>
public sealed record VisitChangeResult(long? RequestId, string? Error, bool NotFound = false)
{
    public bool Succeeded => Error is null && !NotFound;

    public static VisitChangeResult Failed(string error) => new(null, error);

    public static readonly VisitChangeResult Missing = new(null, "There is no such request.", NotFound: true);
}

/// <summary>
/// Reschedule and skip requests: a customer asks (the office is emailed), staff approve or decline, and
/// the customer is emailed the outcome. Each email is enqueued in the same SaveChanges as the change.
/// One request may be open per visit; a request may be decided once.
/// </summary>
public sealed class VisitChangeService(TenantDbContext db, VisitClock clock, VisitChangeEmails emails)
{
    public const string AlreadyDecided = "This request was already decided.";

    public async Task<VisitChangeResult> SubmitAsync(VisitChangeAsk ask, CancellationToken cancellationToken)
    {
        var visit = await db.Set<Visit>().FirstOrDefaultAsync(v => v.Id == ask.VisitId && v.CustomerId == ask.CustomerId, cancellationToken);
        if (visit is null)
        {
            return new VisitChangeResult(null, null, NotFound: true);
        }

        if (!visit.IsUpcoming)
        {
            return VisitChangeResult.Failed($"This visit is {VisitService.StatusLabel(visit.Status).ToLowerInvariant()}, so it can’t be changed any more. Send us a message instead.");
        }

        if (await db.Set<VisitChangeRequest>().AnyAsync(r => r.VisitId == visit.Id && r.Status == VisitChangeStatus.Pending, cancellationToken))
        {
            return VisitChangeResult.Failed("You already asked us about this visit. We’ll let you know as soon as we’ve decided.");
        }

        var preferred = ask.PreferredDates?.Trim() ?? "";
        var notes = ask.Notes?.Trim() ?? "";
        if (ask.Kind == VisitChangeKind.Reschedule && preferred.Length == 0)
        {
            return VisitChangeResult.Failed("Tell us which days or times would suit you better, such as “any weekday morning next week”.");
        }

        if (preferred.Length > VisitsModel.MessageLength)
        {
            return VisitChangeResult.Failed($"Keep your preferred dates to {VisitsModel.MessageLength} characters or fewer.");
        }

        if (notes.Length > VisitsModel.NotesLength)
        {
            return VisitChangeResult.Failed($"Keep your note to {VisitsModel.NotesLength} characters or fewer.");
        }

        var request = new VisitChangeRequest
        {
            VisitId = visit.Id,
            CustomerId = visit.CustomerId,
            Kind = ask.Kind,
            PreferredDates = ask.Kind == VisitChangeKind.Reschedule ? preferred : null,
            Notes = notes.Length == 0 ? null : notes,
            RequestedBy = Truncate(ask.RequestedBy, VisitsModel.PersonLength),
            RequestedByEmail = ask.RequestedByEmail is { Length: <= VisitsModel.EmailLength } email ? email : null,
            CreatedUtc = clock.UtcNow,
        };
        db.Set<VisitChangeRequest>().Add(request);
        await emails.EnqueueRequestedAsync(request, visit, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return new VisitChangeResult(request.Id, null);
    }

    /// <summary>
    /// Approves: a skip marks the visit skipped; a reschedule moves it to the window staff chose (and clears
    /// any delay). The customer is emailed. A request already decided, or a visit no longer upcoming, is refused.
    /// </summary>
    public async Task<VisitChangeResult> ApproveAsync(long requestId, DateTimeOffset? newStartUtc, DateTimeOffset? newEndUtc, string decidedBy, CancellationToken cancellationToken)
    {
        var (request, visit, error) = await PendingAsync(requestId, requireUpcoming: true, cancellationToken);
        if (request is null || visit is null)
        {
            return error!;
        }

        if (request.Kind == VisitChangeKind.Reschedule)
        {
            if (newStartUtc is null || newEndUtc is null)
            {
                return VisitChangeResult.Failed("Pick the new date and window for the visit.");
            }

            if (newEndUtc <= newStartUtc)
            {
                return VisitChangeResult.Failed("The new window must end after it starts.");
            }

            if (newEndUtc - newStartUtc > VisitValidator.MaxWindow)
            {
                return VisitChangeResult.Failed("A visit’s window can be at most 24 hours.");
            }

            visit.WindowStartUtc = newStartUtc.Value.ToUniversalTime();
            visit.WindowEndUtc = newEndUtc.Value.ToUniversalTime();
            visit.Status = VisitStatus.Scheduled;
            visit.DelayMessage = null;
        }
        else
        {
            visit.Status = VisitStatus.Skipped;
            visit.DelayMessage = null;
        }

        visit.UpdatedUtc = clock.UtcNow;
        visit.Version++;
        Decide(request, VisitChangeStatus.Approved, decidedBy, reason: null);
        await emails.EnqueueDecisionAsync(request, visit, cancellationToken);
        return await SaveAsync(request, cancellationToken);
    }

    public async Task<VisitChangeResult> DeclineAsync(long requestId, string? reason, string decidedBy, CancellationToken cancellationToken)
    {
        var text = reason?.Trim() ?? "";
        if (text.Length == 0)
        {
            return VisitChangeResult.Failed("Say why, so the customer knows what happens next (they will read it).");
        }

        if (text.Length > VisitsModel.MessageLength)
        {
            return VisitChangeResult.Failed($"Keep the reason to {VisitsModel.MessageLength} characters or fewer.");
        }

        var (request, visit, error) = await PendingAsync(requestId, requireUpcoming: false, cancellationToken);
        if (request is null || visit is null)
        {
            return error!;
        }

        Decide(request, VisitChangeStatus.Declined, decidedBy, text);
        await emails.EnqueueDecisionAsync(request, visit, cancellationToken);
        return await SaveAsync(request, cancellationToken);
    }

    public Task<VisitChangeRequest?> GetAsync(long id, CancellationToken cancellationToken) =>
        db.Set<VisitChangeRequest>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, cancellationToken);

    public async Task<IReadOnlyList<VisitChangeRequest>> PendingListAsync(CancellationToken cancellationToken) =>
        (await db.Set<VisitChangeRequest>().AsNoTracking().Where(r => r.Status == VisitChangeStatus.Pending).ToListAsync(cancellationToken))
            .OrderBy(r => r.CreatedUtc).ThenBy(r => r.Id).ToList();

    public Task<int> PendingCountAsync(CancellationToken cancellationToken) =>
        db.Set<VisitChangeRequest>().CountAsync(r => r.Status == VisitChangeStatus.Pending, cancellationToken);

    /// <summary>The latest request about each of these visits (pending, or the last decision), for showing the outcome.</summary>
    public async Task<IReadOnlyDictionary<long, VisitChangeRequest>> LatestForVisitsAsync(IReadOnlyCollection<long> visitIds, CancellationToken cancellationToken)
    {
        if (visitIds.Count == 0)
        {
            return new Dictionary<long, VisitChangeRequest>();
        }

        var rows = await db.Set<VisitChangeRequest>().AsNoTracking().Where(r => visitIds.Contains(r.VisitId)).ToListAsync(cancellationToken);
        return rows.GroupBy(r => r.VisitId).ToDictionary(g => g.Key, g => g.OrderByDescending(r => r.Id).First());
    }

    public async Task<IReadOnlyList<VisitChangeRequest>> ForVisitAsync(long visitId, CancellationToken cancellationToken) =>
        (await db.Set<VisitChangeRequest>().AsNoTracking().Where(r => r.VisitId == visitId).ToListAsync(cancellationToken))
            .OrderByDescending(r => r.Id).ToList();

    private async Task<(VisitChangeRequest? Request, Visit? Visit, VisitChangeResult? Error)> PendingAsync(long requestId, bool requireUpcoming, CancellationToken cancellationToken)
    {
        var request = await db.Set<VisitChangeRequest>().FirstOrDefaultAsync(r => r.Id == requestId, cancellationToken);
        if (request is null)
        {
            return (null, null, VisitChangeResult.Missing);
        }

        if (request.Status != VisitChangeStatus.Pending)
        {
            return (null, null, VisitChangeResult.Failed(AlreadyDecided));
        }

        var visit = await db.Set<Visit>().FirstOrDefaultAsync(v => v.Id == request.VisitId, cancellationToken);
        if (visit is null)
        {
            return (null, null, VisitChangeResult.Missing);
        }

        if (requireUpcoming && !visit.IsUpcoming)
        {
            return (null, null, VisitChangeResult.Failed($"The visit is already {VisitService.StatusLabel(visit.Status).ToLowerInvariant()}; decline the request with a note instead."));
        }

        return (request, visit, null);
    }

    private void Decide(VisitChangeRequest request, VisitChangeStatus status, string decidedBy, string? reason)
    {
        request.Status = status;
        request.DecidedBy = Truncate(decidedBy, VisitsModel.PersonLength);
        request.DecidedUtc = clock.UtcNow;
        request.DeclineReason = reason;
        request.Version++;
    }

    private async Task<VisitChangeResult> SaveAsync(VisitChangeRequest request, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return new VisitChangeResult(request.Id, null);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another staff member decided (or the visit changed) at the same moment: their decision stands, no email of ours goes out.
            db.ChangeTracker.Clear();
            return VisitChangeResult.Failed(AlreadyDecided);
        }
    }

    private static string Truncate(string value, int max) => value.Length > max ? value[..max] : value;
}
