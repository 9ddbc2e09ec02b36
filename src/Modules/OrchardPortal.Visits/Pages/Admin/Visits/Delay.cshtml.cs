using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OrchardPortal.Admin.Services;
using OrchardPortal.Core.Hosting;
using OrchardPortal.Customers.Models;
using OrchardPortal.Customers.Services;
using OrchardPortal.Visits.Delays;
using OrchardPortal.Visits.Models;
using OrchardPortal.Visits.Services;

namespace OrchardPortal.Visits.Pages.Admin.Visits;

/// <summary>
/// Rain, snow, a broken truck: marks every scheduled visit of one day delayed with one message. Staff see
/// who will be emailed before confirming; each customer gets one email however many visits they have that day.
/// </summary>
[SiteScope(Site.Tenant)]
public sealed class VisitDelayModel(VisitDelayService delays, CustomerService customers, VisitClock clock) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "day")]
    public string? DayText { get; set; }

    [BindProperty]
    public string? Message { get; set; }

    public DateOnly Day { get; private set; }

    public string? Error { get; private set; }

    public IReadOnlyList<Visit> Visits { get; private set; } = [];

    public IReadOnlyDictionary<long, Customer> Customers { get; private set; } = new Dictionary<long, Customer>();

    public TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;

    public int CustomerCount => Visits.Select(v => v.CustomerId).Distinct().Count();

    public Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => ShowAsync(StatusCodes.Status200OK, cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (VisitForm.ParseDay(DayText) is not { } day)
        {
            Error = "Choose the day to delay.";
            return await ShowAsync(StatusCodes.Status400BadRequest, cancellationToken);
        }

        var outcome = await delays.DelayDayAsync(day, Message, cancellationToken);
        if (!outcome.Succeeded)
        {
            Error = outcome.Error;
            return await ShowAsync(StatusCodes.Status400BadRequest, cancellationToken);
        }

        var text = outcome.VisitCount == 0
            ? "Nothing changed: every visit that day is already delayed with that message (or none is scheduled)."
            : $"{outcome.VisitCount} {(outcome.VisitCount == 1 ? "visit" : "visits")} marked delayed. Emailed {outcome.Emailed.Count} {(outcome.Emailed.Count == 1 ? "customer" : "customers")}.";
        if (outcome.WithoutEmail.Count > 0)
        {
            text += $" No email address for {string.Join(", ", outcome.WithoutEmail)}: please call them.";
        }

        TempData.Flash(text);
        return Redirect(VisitPaths.AdminDay(day));
    }

    public string Local(DateTimeOffset utc, string format) => TimeZoneInfo.ConvertTime(utc, Zone).ToString(format, CultureInfo.InvariantCulture);

    public string CustomerName(long id) => Customers.TryGetValue(id, out var c) ? c.DisplayName : "Removed customer";

    public bool HasEmail(long id) => Customers.TryGetValue(id, out var c) && !string.IsNullOrWhiteSpace(c.PrimaryEmail);

    private async Task<IActionResult> ShowAsync(int status, CancellationToken cancellationToken)
    {
        Zone = await clock.ZoneAsync(cancellationToken);
        Day = VisitForm.ParseDay(DayText) ?? await clock.TodayAsync(cancellationToken);
        Visits = await delays.DelayableOnAsync(Day, cancellationToken);
        Customers = (await customers.GetManyAsync([.. Visits.Select(v => v.CustomerId).Distinct()], cancellationToken)).ToDictionary(c => c.Id);
        Response.StatusCode = status;
        return Page();
    }
}
