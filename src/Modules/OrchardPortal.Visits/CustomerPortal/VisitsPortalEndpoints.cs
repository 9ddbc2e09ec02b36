using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OrchardPortal.Core.Hosting;
using OrchardPortal.Visits.Calendar;
using OrchardPortal.Visits.Services;

namespace OrchardPortal.Visits.CustomerPortal;

/// <summary>
/// The portal's visit URLs beside the Schedule tab (GET /schedule is the tab itself, served by the Portal
/// module): one visit, its reschedule/skip posts, the calendar-link post, and the calendar feed.
/// </summary>
public static class VisitsPortalEndpoints
{
    public static void MapVisitsPortal(this IEndpointRouteBuilder endpoints)
    {
        var tenantOnly = new SiteScopeAttribute(Site.Tenant);
        string[] read = [HttpMethods.Get, HttpMethods.Head];
        endpoints.MapMethods(VisitPaths.Portal + "/{id:long}", read, (VisitsPortalPages pages, long id, CancellationToken cancellationToken) => pages.VisitAsync(id, cancellationToken))
            .WithMetadata(tenantOnly).AllowAnonymous();
        // The antiforgery token is checked by the pages themselves, so a bad one is a themed message rather than a bare 400.
        endpoints.MapPost(VisitPaths.Portal + "/{id:long}/reschedule", (VisitsPortalPages pages, long id, CancellationToken cancellationToken) => pages.RescheduleAsync(id, cancellationToken))
            .WithMetadata(tenantOnly).AllowAnonymous().DisableAntiforgery();
        endpoints.MapPost(VisitPaths.Portal + "/{id:long}/skip", (VisitsPortalPages pages, long id, CancellationToken cancellationToken) => pages.SkipAsync(id, cancellationToken))
            .WithMetadata(tenantOnly).AllowAnonymous().DisableAntiforgery();
        endpoints.MapPost(VisitPaths.PortalCalendar, (VisitsPortalPages pages, CancellationToken cancellationToken) => pages.CalendarAsync(cancellationToken))
            .WithMetadata(tenantOnly).AllowAnonymous().DisableAntiforgery();
        // Calendar apps fetch without cookies: the token in the address is the credential.
        endpoints.MapMethods(VisitPaths.CalendarFeedPrefix + "{token}.ics", read,
                (CalendarFeedEndpoint feed, string token, HttpResponse response, CancellationToken cancellationToken) => feed.GetAsync(token, response, cancellationToken))
            .WithMetadata(tenantOnly).AllowAnonymous();
    }
}
