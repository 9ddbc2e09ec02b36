using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using OrchardPortal.Visits.ChangeRequests;
using OrchardPortal.Visits.Models;
using OrchardPortal.Visits.Services;

namespace OrchardPortal.Visits.CustomerPortal;

/// <summary>
/// How visits look to Liquid views (the names are the theme contract in docs/visits.md). Never includes
/// crew notes: those are for staff only.
/// </summary>
public sealed class VisitsPortalModel(VisitClock clock, VisitChangeService changes, IAntiforgery antiforgery, IHttpContextAccessor http)
{
    public async Task<List<object?>> VisitsAsync(IReadOnlyList<Visit> visits, CancellationToken cancellationToken)
    {
        var requests = await changes.LatestForVisitsAsync(visits.Select(v => v.Id).ToList(), cancellationToken);
        var list = new List<object?>();
        foreach (var visit in visits)
        {
            list.Add(await VisitAsync(visit, requests.GetValueOrDefault(visit.Id), cancellationToken));
        }

        return list;
    }

    public async Task<Dictionary<string, object?>> VisitAsync(Visit visit, VisitChangeRequest? latest, CancellationToken cancellationToken)
    {
        var start = await clock.LocalAsync(visit.WindowStartUtc, cancellationToken);
        var end = await clock.LocalAsync(visit.WindowEndUtc, cancellationToken);
        var pending = latest?.Status == VisitChangeStatus.Pending;
        return new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["id"] = visit.Id,
            ["service"] = visit.ServiceName,
            ["date"] = VisitClock.Date(start),
            ["window"] = VisitClock.Window(start, end),
            ["start_iso"] = visit.WindowStartUtc.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
            ["location"] = visit.Location,
            ["notes"] = visit.CustomerNotes,
            ["status"] = StatusKey(visit.Status),
            ["status_label"] = VisitService.StatusLabel(visit.Status),
            ["is_delayed"] = visit.Status == VisitStatus.Delayed,
            ["delay_message"] = visit.Status == VisitStatus.Delayed ? visit.DelayMessage : null,
            ["started_at"] = visit.StartedUtc is { } s ? VisitClock.Moment(await clock.LocalAsync(s, cancellationToken)) : null,
            ["completed_at"] = visit.CompletedUtc is { } c ? VisitClock.Moment(await clock.LocalAsync(c, cancellationToken)) : null,
            ["url"] = VisitPaths.PortalVisit(visit.Id),
            ["can_change"] = visit.IsUpcoming && !pending,
            ["request"] = latest is null ? null : await RequestAsync(latest, cancellationToken),
        };
    }

    /// <summary>The visit page's two forms (reschedule and skip), with what was typed and why it was refused.</summary>
    public Dictionary<string, object?> ChangeForm(long visitId, string? preferred, string? notes, string? error)
    {
        var tokens = antiforgery.GetAndStoreTokens(http.HttpContext!);
        return new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["reschedule_action"] = VisitPaths.PortalReschedule(visitId),
            ["skip_action"] = VisitPaths.PortalSkip(visitId),
            ["antiforgery_field"] = tokens.FormFieldName,
            ["antiforgery_token"] = tokens.RequestToken,
            ["preferred"] = preferred ?? "",
            ["notes"] = notes ?? "",
            ["error"] = error,
        };
    }

    public Dictionary<string, object?> CalendarForm(CalendarFeed? feed, string? newUrl)
    {
        var tokens = antiforgery.GetAndStoreTokens(http.HttpContext!);
        return new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["has_link"] = feed is not null,
            ["created_at"] = feed is null ? null : feed.CreatedUtc.ToString("MMM d, yyyy", System.Globalization.CultureInfo.InvariantCulture),
            ["url"] = newUrl,
            ["action"] = VisitPaths.PortalCalendar,
            ["antiforgery_field"] = tokens.FormFieldName,
            ["antiforgery_token"] = tokens.RequestToken,
        };
    }

    private async Task<Dictionary<string, object?>> RequestAsync(VisitChangeRequest request, CancellationToken cancellationToken) => new(StringComparer.Ordinal)
    {
        ["kind"] = VisitChangeEmails.KindText(request.Kind),
        ["status"] = request.Status.ToString().ToLowerInvariant(),
        ["is_pending"] = request.Status == VisitChangeStatus.Pending,
        ["is_approved"] = request.Status == VisitChangeStatus.Approved,
        ["is_declined"] = request.Status == VisitChangeStatus.Declined,
        ["preferred"] = request.PreferredDates,
        ["notes"] = request.Notes,
        ["reason"] = request.DeclineReason,
        ["asked_at"] = VisitClock.Moment(await clock.LocalAsync(request.CreatedUtc, cancellationToken)),
        ["decided_at"] = request.DecidedUtc is { } d ? VisitClock.Moment(await clock.LocalAsync(d, cancellationToken)) : null,
    };

    private static string StatusKey(VisitStatus status) => status == VisitStatus.InProgress ? "in-progress" : status.ToString().ToLowerInvariant();
}
