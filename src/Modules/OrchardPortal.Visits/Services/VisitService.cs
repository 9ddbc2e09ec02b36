using Microsoft.EntityFrameworkCore;
using OrchardPortal.Core.Data;
using OrchardPortal.Visits.Models;

namespace OrchardPortal.Visits.Services;

/// <summary>
/// The Visits module's public contract: scheduling, reading and moving visits through their statuses.
/// Scoped to a tenant. It does not decide who may ask: staff pages and the portal check that first
/// (the portal passes the signed-in customer, and <see cref="GetForCustomerAsync"/> answers null for
/// anyone else's visit). Returned entities are detached snapshots.
/// </summary>
public sealed partial class VisitService(TenantDbContext db, VisitValidator validator, TimeProvider clock)
{
    /// <summary>Schedules a new visit; validation problems come back as messages and nothing is stored.</summary>
    public async Task<VisitResult> ScheduleAsync(ScheduleVisit request, CancellationToken cancellationToken)
    {
        var (errors, location) = await validator.ValidateAsync(request, cancellationToken);
        if (errors.Count > 0)
        {
            return VisitResult.Invalid(errors);
        }

        var now = clock.GetUtcNow();
        var visit = new Visit { ServiceName = "", CreatedUtc = now, SourceServiceRequestId = request.SourceServiceRequestId };
        Apply(visit, request, location, now);
        db.Set<Visit>().Add(visit);
        await db.SaveChangesAsync(cancellationToken);
        return VisitResult.Ok(visit.Id);
    }

    /// <summary>Staff's edit of a visit's details (customer, property, service, window, notes); the status is unchanged.</summary>
    public async Task<VisitResult> UpdateAsync(long id, ScheduleVisit request, CancellationToken cancellationToken)
    {
        var visit = await db.Set<Visit>().FirstOrDefaultAsync(v => v.Id == id, cancellationToken);
        if (visit is null)
        {
            return VisitResult.Missing(id);
        }

        var (errors, location) = await validator.ValidateAsync(request, cancellationToken);
        if (errors.Count > 0)
        {
            return VisitResult.Invalid(errors, id);
        }

        Apply(visit, request, location, clock.GetUtcNow());
        visit.Version++;
        return await SaveAsync(visit, cancellationToken);
    }

    public Task<Visit?> GetAsync(long id, CancellationToken cancellationToken) =>
        db.Set<Visit>().AsNoTracking().FirstOrDefaultAsync(v => v.Id == id, cancellationToken);

    /// <summary>The visit when it is <paramref name="customerId"/>'s; null when it does not exist or is someone else's.</summary>
    public Task<Visit?> GetForCustomerAsync(long customerId, long visitId, CancellationToken cancellationToken) =>
        db.Set<Visit>().AsNoTracking().FirstOrDefaultAsync(v => v.Id == visitId && v.CustomerId == customerId, cancellationToken);

    /// <summary>Visits whose window starts in [<paramref name="fromUtc"/>, <paramref name="toUtc"/>), earliest first.</summary>
    public async Task<IReadOnlyList<Visit>> ListBetweenAsync(DateTimeOffset fromUtc, DateTimeOffset toUtc, CancellationToken cancellationToken) =>
        (await db.Set<Visit>().AsNoTracking().Where(v => v.WindowStartUtc >= fromUtc && v.WindowStartUtc < toUtc).ToListAsync(cancellationToken))
            .OrderBy(v => v.WindowStartUtc).ThenBy(v => v.Id).ToList();

    /// <summary>The customer's visits still ahead (scheduled or delayed), earliest first.</summary>
    public async Task<IReadOnlyList<Visit>> UpcomingForCustomerAsync(long customerId, CancellationToken cancellationToken)
    {
        // A visit whose window ended more than a day ago without being started is stale, not "upcoming".
        var cutoff = clock.GetUtcNow().AddDays(-1);
        var rows = await db.Set<Visit>().AsNoTracking()
            .Where(v => v.CustomerId == customerId && (v.Status == VisitStatus.Scheduled || v.Status == VisitStatus.Delayed || v.Status == VisitStatus.InProgress))
            .ToListAsync(cancellationToken);
        return rows.Where(v => v.Status == VisitStatus.InProgress || v.WindowEndUtc >= cutoff).OrderBy(v => v.WindowStartUtc).ThenBy(v => v.Id).ToList();
    }

    /// <summary>The customer's visits with an outcome (completed, skipped, cancelled), most recent first.</summary>
    public async Task<IReadOnlyList<Visit>> PastForCustomerAsync(long customerId, int max, CancellationToken cancellationToken)
    {
        var rows = await db.Set<Visit>().AsNoTracking()
            .Where(v => v.CustomerId == customerId && (v.Status == VisitStatus.Completed || v.Status == VisitStatus.Skipped || v.Status == VisitStatus.Cancelled))
            .ToListAsync(cancellationToken);
        return rows.OrderByDescending(v => v.CompletedUtc ?? v.WindowStartUtc).ThenByDescending(v => v.Id).Take(max).ToList();
    }

    /// <summary>The customer's completed visits, most recently finished first.</summary>
    public async Task<IReadOnlyList<Visit>> CompletedForCustomerAsync(long customerId, int max, CancellationToken cancellationToken) =>
        (await db.Set<Visit>().AsNoTracking().Where(v => v.CustomerId == customerId && v.Status == VisitStatus.Completed).ToListAsync(cancellationToken))
            .OrderByDescending(v => v.CompletedUtc ?? v.WindowStartUtc).ThenByDescending(v => v.Id).Take(max).ToList();

    /// <summary>Every visit of one customer, newest first (the customer's record in the admin).</summary>
    public async Task<IReadOnlyList<Visit>> ForCustomerAsync(long customerId, CancellationToken cancellationToken) =>
        (await db.Set<Visit>().AsNoTracking().Where(v => v.CustomerId == customerId).ToListAsync(cancellationToken))
            .OrderByDescending(v => v.WindowStartUtc).ThenByDescending(v => v.Id).ToList();

    private static void Apply(Visit visit, ScheduleVisit request, string? location, DateTimeOffset now)
    {
        visit.CustomerId = request.CustomerId;
        visit.PropertyId = request.PropertyId;
        visit.Location = location;
        visit.ServiceName = request.ServiceName!.Trim();
        visit.WindowStartUtc = request.WindowStartUtc!.Value.ToUniversalTime();
        visit.WindowEndUtc = request.WindowEndUtc!.Value.ToUniversalTime();
        visit.CrewNotes = Clean(request.CrewNotes);
        visit.CustomerNotes = Clean(request.CustomerNotes);
        visit.UpdatedUtc = now;
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
