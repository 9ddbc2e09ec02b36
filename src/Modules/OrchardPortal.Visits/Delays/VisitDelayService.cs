using Microsoft.EntityFrameworkCore;
using OrchardPortal.Core.Data;
using OrchardPortal.Core.Email;
using OrchardPortal.Core.Security;
using OrchardPortal.Customers.Services;
using OrchardPortal.Visits.Data;
using OrchardPortal.Visits.Models;
using OrchardPortal.Visits.Services;

namespace OrchardPortal.Visits.Delays;

/// <summary>What a bulk delay did: how many visits changed, who was emailed, and who could not be.</summary>
public sealed record DelayOutcome(int VisitCount, IReadOnlyList<string> Emailed, IReadOnlyList<string> WithoutEmail, string? Error = null)
{
    public bool Succeeded => Error is null;

    public static DelayOutcome Failed(string error) => new(0, [], [], error);
}

/// <summary>
/// Marks visits delayed (a whole day at once when the weather turns) with one message, and tells each
/// affected customer once: one email per customer however many of their visits moved, enqueued in the
/// same SaveChanges as the status change, so the notice and the change commit together. Visits already
/// delayed with the same message are left alone, so a repeated submit sends nothing twice.
/// </summary>
public sealed class VisitDelayService(TenantDbContext db, CustomerService customers, VisitClock clock, IEmailOutbox outbox, VisitDelayEmail email)
{
    public const string MessageRequired = "Write the message your customers will read, such as “Rain today: we’ll come tomorrow instead.”";

    /// <summary>Every scheduled or delayed visit whose window starts on <paramref name="day"/> (the company's local date).</summary>
    public async Task<IReadOnlyList<Visit>> DelayableOnAsync(DateOnly day, CancellationToken cancellationToken)
    {
        var (from, to) = await clock.DayAsync(day, cancellationToken);
        return (await db.Set<Visit>().AsNoTracking()
                .Where(v => v.WindowStartUtc >= from && v.WindowStartUtc < to && (v.Status == VisitStatus.Scheduled || v.Status == VisitStatus.Delayed))
                .ToListAsync(cancellationToken))
            .OrderBy(v => v.WindowStartUtc).ThenBy(v => v.Id).ToList();
    }

    public async Task<DelayOutcome> DelayDayAsync(DateOnly day, string? message, CancellationToken cancellationToken)
    {
        var (from, to) = await clock.DayAsync(day, cancellationToken);
        return await DelayAsync(v => v.WindowStartUtc >= from && v.WindowStartUtc < to, message, cancellationToken);
    }

    public Task<DelayOutcome> DelayVisitAsync(long visitId, string? message, CancellationToken cancellationToken) =>
        DelayAsync(v => v.Id == visitId, message, cancellationToken);

    private async Task<DelayOutcome> DelayAsync(System.Linq.Expressions.Expression<Func<Visit, bool>> which, string? message, CancellationToken cancellationToken)
    {
        var text = message?.Trim() ?? "";
        if (text.Length == 0)
        {
            return DelayOutcome.Failed(MessageRequired);
        }

        if (text.Length > VisitsModel.MessageLength)
        {
            return DelayOutcome.Failed($"Keep the message to {VisitsModel.MessageLength} characters or fewer.");
        }

        var visits = (await db.Set<Visit>().Where(which)
                .Where(v => v.Status == VisitStatus.Scheduled || v.Status == VisitStatus.Delayed)
                .ToListAsync(cancellationToken))
            .Where(v => !(v.Status == VisitStatus.Delayed && v.DelayMessage == text))
            .OrderBy(v => v.WindowStartUtc).ThenBy(v => v.Id).ToList();
        if (visits.Count == 0)
        {
            return new DelayOutcome(0, [], []);
        }

        var now = clock.UtcNow;
        foreach (var visit in visits)
        {
            visit.Status = VisitStatus.Delayed;
            visit.DelayMessage = text;
            visit.UpdatedUtc = now;
            visit.Version++;
        }

        var emailed = new List<string>();
        var without = new List<string>();
        var people = (await customers.GetManyAsync(visits.Select(v => v.CustomerId).Distinct().ToList(), cancellationToken)).ToDictionary(c => c.Id);
        foreach (var group in visits.GroupBy(v => v.CustomerId))
        {
            if (!people.TryGetValue(group.Key, out var customer))
            {
                continue;
            }

            if (EmailAddress.Normalize(customer.PrimaryEmail ?? "") is not { } to)
            {
                without.Add(customer.DisplayName);
                continue;
            }

            outbox.Enqueue(await email.RenderAsync(to, customer, text, [.. group], cancellationToken));
            emailed.Add(customer.DisplayName);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone else changed one of these visits meanwhile: nothing (no status, no email) was saved.
            db.ChangeTracker.Clear();
            return DelayOutcome.Failed("Someone else changed some of these visits at the same time. Nothing was sent; check the day and try again.");
        }

        return new DelayOutcome(visits.Count, emailed, without);
    }
}
