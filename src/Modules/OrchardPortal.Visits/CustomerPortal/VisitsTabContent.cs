using Microsoft.AspNetCore.Http;
using OrchardPortal.Portal.Models;
using OrchardPortal.Portal.Services;
using OrchardPortal.Visits.Calendar;
using OrchardPortal.Visits.Services;

namespace OrchardPortal.Visits.CustomerPortal;

/// <summary>The Schedule tab: upcoming visits (the next one first), recent outcomes, and the calendar link.</summary>
public sealed class ScheduleTabContent(VisitService visits, VisitsPortalModel describe, CalendarFeedService feeds, IHttpContextAccessor http) : IPortalTabContent
{
    public const int RecentCount = 5;

    public string TabKey => PortalTabs.Schedule.Key;

    public Task ContributeAsync(PortalCustomer customer, IDictionary<string, object?> model, CancellationToken cancellationToken)
    {
        // Post, redirect, get: a request just sent comes back with ?asked=1 so the page can say so.
        var asked = string.Equals(http.HttpContext?.Request.Query["asked"].ToString(), "1", StringComparison.Ordinal);
        return FillAsync(customer, model, asked ? VisitsPortalPages.AskedNotice : null, newCalendarUrl: null, cancellationToken);
    }

    public async Task FillAsync(PortalCustomer customer, IDictionary<string, object?> model, string? notice, string? newCalendarUrl, CancellationToken cancellationToken)
    {
        var upcoming = await describe.VisitsAsync(await visits.UpcomingForCustomerAsync(customer.CustomerId, cancellationToken), cancellationToken);
        model["upcoming_visits"] = upcoming;
        model["next_visit"] = upcoming.FirstOrDefault();
        model["recent_visits"] = await describe.VisitsAsync(await visits.PastForCustomerAsync(customer.CustomerId, RecentCount, cancellationToken), cancellationToken);
        model["calendar"] = describe.CalendarForm(await feeds.FindForCustomerAsync(customer.CustomerId, cancellationToken), newCalendarUrl);
        model["notice"] = notice;
    }
}

/// <summary>
/// Home's "next visit" card: only for a customer who may open the Schedule tab (so a tenant that keeps
/// scheduling out of its portal shows nothing of it).
/// </summary>
public sealed class NextVisitHomeContent(VisitService visits, VisitsPortalModel describe, IPortalAccessPolicy policy) : IPortalTabContent
{
    public string TabKey => PortalTabs.Home.Key;

    public async Task ContributeAsync(PortalCustomer customer, IDictionary<string, object?> model, CancellationToken cancellationToken)
    {
        if (await policy.CheckTabForAsync(customer, PortalTabs.Schedule.Key, cancellationToken) != PortalAccessDecision.Allowed)
        {
            return;
        }

        var upcoming = await visits.UpcomingForCustomerAsync(customer.CustomerId, cancellationToken);
        if (upcoming.Count > 0)
        {
            model["next_visit"] = await describe.VisitAsync(upcoming[0], null, cancellationToken);
            model["schedule_url"] = PortalTabs.Schedule.Path;
        }
    }
}

/// <summary>The History tab's completed work: every completed visit with when the crew started and finished, newest first.</summary>
public sealed class CompletedVisitsHistoryContent(VisitService visits, VisitsPortalModel describe) : IPortalTabContent
{
    public const int MaxShown = 200;

    public string TabKey => PortalTabs.History.Key;

    public async Task ContributeAsync(PortalCustomer customer, IDictionary<string, object?> model, CancellationToken cancellationToken)
    {
        var done = await visits.CompletedForCustomerAsync(customer.CustomerId, MaxShown, cancellationToken);
        model["completed_visits"] = await describe.VisitsAsync(done, cancellationToken);
    }
}
