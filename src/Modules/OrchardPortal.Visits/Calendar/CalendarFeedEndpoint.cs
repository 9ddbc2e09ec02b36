using System.Globalization;
using Microsoft.AspNetCore.Http;
using OrchardPortal.Core.Theming;
using OrchardPortal.Portal.CustomerPages;
using OrchardPortal.Portal.Models;
using OrchardPortal.Portal.Services;
using OrchardPortal.Visits.Models;
using OrchardPortal.Visits.Services;

namespace OrchardPortal.Visits.Calendar;

/// <summary>
/// GET /calendar/{token}.ics: the customer's visits for calendar apps, which fetch it without cookies.
/// The token is the only credential. An unknown or revoked token, another tenant's token (looked up in
/// this tenant's database, so never found), or a Schedule tab the customer may not see: the same 404.
/// Lists visits from the last 30 days onward; skipped and cancelled ones as CANCELLED so calendars drop them.
/// </summary>
public sealed class CalendarFeedEndpoint(
    CalendarFeedService feeds, VisitService visits, IPortalAccessPolicy policy, PortalPages portal, SiteProfileService site, VisitLinks links, TimeProvider clock)
{
    public static readonly TimeSpan PastWindow = TimeSpan.FromDays(30);

    public async Task<IResult> GetAsync(string token, HttpResponse response, CancellationToken cancellationToken)
    {
        var customerId = await feeds.CustomerForTokenAsync(token, cancellationToken);
        if (customerId is null
            || await policy.CheckTabAsync(customerId.Value.ToString(CultureInfo.InvariantCulture), PortalTabs.Schedule.Key, cancellationToken) != PortalAccessDecision.Allowed)
        {
            return await portal.NotFoundAsync(cancellationToken);
        }

        var company = (await site.GetAsync(cancellationToken)).CompanyName;
        var since = clock.GetUtcNow() - PastWindow;
        var events = (await visits.ForCustomerAsync(customerId.Value, cancellationToken))
            .Where(v => v.WindowEndUtc >= since)
            .OrderBy(v => v.WindowStartUtc).ThenBy(v => v.Id)
            .Select(v => Event(v, company));
        // Private to this customer: shared caches must not keep it, and search engines must not list it.
        response.Headers.CacheControl = "private, no-store";
        response.Headers["X-Robots-Tag"] = "noindex";
        return Results.Text(IcsWriter.Write($"{company} visits", events), IcsWriter.ContentType);
    }

    private CalendarEvent Event(Visit visit, string company)
    {
        var notes = new List<string>();
        if (visit.Status == VisitStatus.Delayed)
        {
            notes.Add("Delayed: " + visit.DelayMessage);
        }

        if (!string.IsNullOrWhiteSpace(visit.CustomerNotes))
        {
            notes.Add(visit.CustomerNotes);
        }

        notes.Add("Details: " + links.Absolute(VisitPaths.PortalVisit(visit.Id)));
        var summary = visit.Status switch
        {
            VisitStatus.Delayed => $"Delayed: {visit.ServiceName} ({company})",
            VisitStatus.Skipped => $"Skipped: {visit.ServiceName} ({company})",
            VisitStatus.Cancelled => $"Cancelled: {visit.ServiceName} ({company})",
            _ => $"{visit.ServiceName} ({company})",
        };
        var status = visit.Status switch
        {
            VisitStatus.Delayed => "TENTATIVE",
            VisitStatus.Skipped or VisitStatus.Cancelled => "CANCELLED",
            _ => "CONFIRMED",
        };
        return new CalendarEvent($"visit-{visit.Id}@{links.UidDomain}", visit.UpdatedUtc, visit.WindowStartUtc, visit.WindowEndUtc, summary, visit.Location,
            string.Join("\n\n", notes), status, visit.Version);
    }
}
