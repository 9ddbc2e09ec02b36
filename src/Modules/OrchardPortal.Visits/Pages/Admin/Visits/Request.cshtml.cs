using System.Globalization;
using Microsoft.AspNetCore.Http;
using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OrchardPortal.Admin.Services;
using OrchardPortal.Core.Hosting;
using OrchardPortal.Customers.Models;
using OrchardPortal.Customers.Services;
using OrchardPortal.Visits.ChangeRequests;
using OrchardPortal.Visits.Models;
using OrchardPortal.Visits.Services;

namespace OrchardPortal.Visits.Pages.Admin.Visits;

/// <summary>
/// Deciding one reschedule/skip request: approve (a reschedule needs the new date and window, prefilled
/// with the current one) or decline with a reason the customer reads. The customer is emailed either way.
/// </summary>
[SiteScope(Site.Tenant)]
public sealed class VisitRequestModel(VisitChangeService changes, VisitService visits, CustomerService customers, VisitClock clock) : PageModel
{
    public VisitChangeRequest ChangeRequest { get; private set; } = null!;

    public Visit Visit { get; private set; } = null!;

    public Customer? Customer { get; private set; }

    public TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;

    public string? Error { get; private set; }

    [BindProperty]
    public string? Date { get; set; }

    [BindProperty]
    public string? StartTime { get; set; }

    [BindProperty]
    public string? EndTime { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    public Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken) => ShowAsync(id, StatusCodes.Status200OK, cancellationToken);

    public async Task<IActionResult> OnPostApproveAsync(long id, CancellationToken cancellationToken)
    {
        if (await changes.GetAsync(id, cancellationToken) is not { } request)
        {
            return NotFound();
        }

        DateTimeOffset? start = null, end = null;
        if (request.Kind == VisitChangeKind.Reschedule)
        {
            var day = VisitForm.ParseDay(Date);
            var from = VisitForm.ParseClock(StartTime);
            var to = VisitForm.ParseClock(EndTime);
            if (day is null || from is null || to is null)
            {
                Error = "Pick the new date and the window’s start and end times.";
                return await ShowAsync(id, StatusCodes.Status400BadRequest, cancellationToken);
            }

            start = await clock.ToUtcAsync(day.Value, from.Value, cancellationToken);
            end = await clock.ToUtcAsync(day.Value, to.Value, cancellationToken);
        }

        var result = await changes.ApproveAsync(id, start, end, StaffName(), cancellationToken);
        return await AfterAsync(id, result, "Approved. The customer was emailed.", cancellationToken);
    }

    public async Task<IActionResult> OnPostDeclineAsync(long id, CancellationToken cancellationToken)
    {
        var result = await changes.DeclineAsync(id, Reason, StaffName(), cancellationToken);
        return await AfterAsync(id, result, "Declined. The customer was emailed with your reason.", cancellationToken);
    }

    public string Local(DateTimeOffset utc, string format) => TimeZoneInfo.ConvertTime(utc, Zone).ToString(format, CultureInfo.InvariantCulture);

    private async Task<IActionResult> AfterAsync(long id, VisitChangeResult result, string done, CancellationToken cancellationToken)
    {
        if (result.NotFound)
        {
            return NotFound();
        }

        if (!result.Succeeded)
        {
            Error = result.Error;
            return await ShowAsync(id, StatusCodes.Status400BadRequest, cancellationToken);
        }

        TempData.Flash(done);
        return Redirect(VisitPaths.AdminRequests);
    }

    private async Task<IActionResult> ShowAsync(long id, int status, CancellationToken cancellationToken)
    {
        if (await changes.GetAsync(id, cancellationToken) is not { } request || await visits.GetAsync(request.VisitId, cancellationToken) is not { } visit)
        {
            return NotFound();
        }

        ChangeRequest = request;
        Visit = visit;
        Zone = await clock.ZoneAsync(cancellationToken);
        Customer = await customers.GetAsync(request.CustomerId, cancellationToken);
        Date ??= Local(visit.WindowStartUtc, VisitForm.DateFormat);
        StartTime ??= Local(visit.WindowStartUtc, VisitForm.TimeFormat);
        EndTime ??= Local(visit.WindowEndUtc, VisitForm.TimeFormat);
        Response.StatusCode = status;
        return Page();
    }

    private string StaffName() => User.FindFirstValue(ClaimTypes.Name) ?? User.FindFirstValue(ClaimTypes.Email) ?? "Staff";
}
