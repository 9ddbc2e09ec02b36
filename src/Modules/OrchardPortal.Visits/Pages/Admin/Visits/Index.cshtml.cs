using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OrchardPortal.Core.Hosting;
using OrchardPortal.Customers.Models;
using OrchardPortal.Customers.Services;
using OrchardPortal.Visits.ChangeRequests;
using OrchardPortal.Visits.Models;
using OrchardPortal.Visits.Services;

namespace OrchardPortal.Visits.Pages.Admin.Visits;

/// <summary>
/// The schedule for one day (the company's local date; today by default), earliest first, filtered by
/// status and by customer account number, with the way to mark the whole day delayed.
/// </summary>
[SiteScope(Site.Tenant)]
public sealed class VisitScheduleModel(VisitService visits, CustomerService customers, VisitClock clock, VisitChangeService changes) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "day")]
    public string? DayText { get; set; }

    [BindProperty(SupportsGet = true, Name = "status")]
    public string? StatusFilter { get; set; }

    [BindProperty(SupportsGet = true, Name = "account")]
    public string? AccountNumber { get; set; }

    public DateOnly Day { get; private set; }

    public DateOnly Today { get; private set; }

    public string? FilterError { get; private set; }

    public IReadOnlyList<Visit> Visits { get; private set; } = [];

    public IReadOnlyDictionary<long, Customer> Customers { get; private set; } = new Dictionary<long, Customer>();

    public int PendingRequests { get; private set; }

    public int DelayableCount => Visits.Count(v => v.IsUpcoming);

    public VisitStatus? Status => Enum.TryParse<VisitStatus>(StatusFilter, ignoreCase: true, out var status) ? status : null;

    public bool IsFiltered => Status is not null || !string.IsNullOrWhiteSpace(AccountNumber);

    public TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Today = await clock.TodayAsync(cancellationToken);
        Zone = await clock.ZoneAsync(cancellationToken);
        Day = VisitForm.ParseDay(DayText) ?? Today;
        PendingRequests = await changes.PendingCountAsync(cancellationToken);
        var (from, to) = await clock.DayAsync(Day, cancellationToken);
        var list = await visits.ListBetweenAsync(from, to, cancellationToken);
        if (!string.IsNullOrWhiteSpace(AccountNumber))
        {
            var customer = await customers.FindByAccountNumberAsync(AccountNumber.Trim(), cancellationToken);
            if (customer is null)
            {
                FilterError = $"No customer has the account number “{AccountNumber.Trim()}”.";
                list = [];
            }
            else
            {
                list = [.. list.Where(v => v.CustomerId == customer.Id)];
            }
        }

        if (Status is { } status)
        {
            list = [.. list.Where(v => v.Status == status)];
        }

        Visits = list;
        Customers = (await customers.GetManyAsync([.. list.Select(v => v.CustomerId).Distinct()], cancellationToken)).ToDictionary(c => c.Id);
        return Page();
    }

    public string Local(DateTimeOffset utc, string format) => TimeZoneInfo.ConvertTime(utc, Zone).ToString(format, System.Globalization.CultureInfo.InvariantCulture);

    public string CustomerName(long id) => Customers.TryGetValue(id, out var c) ? c.DisplayName : "Removed customer";

    public static string Badge(VisitStatus status) => status switch
    {
        VisitStatus.Delayed => "badge badge-warning",
        VisitStatus.Completed => "badge badge-success",
        VisitStatus.Cancelled or VisitStatus.Skipped => "badge",
        _ => "badge",
    };
}
