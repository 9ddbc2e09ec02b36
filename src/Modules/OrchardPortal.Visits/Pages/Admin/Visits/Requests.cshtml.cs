using Microsoft.AspNetCore.Mvc.RazorPages;
using OrchardPortal.Core.Hosting;
using OrchardPortal.Customers.Models;
using OrchardPortal.Customers.Services;
using OrchardPortal.Visits.ChangeRequests;
using OrchardPortal.Visits.Models;
using OrchardPortal.Visits.Services;

namespace OrchardPortal.Visits.Pages.Admin.Visits;

/// <summary>Customers' requests to reschedule or skip a visit that wait for a decision, oldest first.</summary>
[SiteScope(Site.Tenant)]
public sealed class VisitRequestsModel(VisitChangeService changes, VisitService visits, CustomerService customers, VisitClock clock) : PageModel
{
    public IReadOnlyList<VisitChangeRequest> Requests { get; private set; } = [];

    public IReadOnlyDictionary<long, Visit> Visits { get; private set; } = new Dictionary<long, Visit>();

    public IReadOnlyDictionary<long, Customer> Customers { get; private set; } = new Dictionary<long, Customer>();

    public TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Zone = await clock.ZoneAsync(cancellationToken);
        Requests = await changes.PendingListAsync(cancellationToken);
        var found = new Dictionary<long, Visit>();
        foreach (var id in Requests.Select(r => r.VisitId).Distinct())
        {
            if (await visits.GetAsync(id, cancellationToken) is { } visit)
            {
                found[id] = visit;
            }
        }

        Visits = found;
        Customers = (await customers.GetManyAsync([.. Requests.Select(r => r.CustomerId).Distinct()], cancellationToken)).ToDictionary(c => c.Id);
    }

    public string Local(DateTimeOffset utc, string format) => TimeZoneInfo.ConvertTime(utc, Zone).ToString(format, System.Globalization.CultureInfo.InvariantCulture);
}
