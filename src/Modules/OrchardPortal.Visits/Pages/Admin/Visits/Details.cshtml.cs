using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OrchardPortal.Admin.Services;
using OrchardPortal.Core.Hosting;
using OrchardPortal.Customers.Models;
using OrchardPortal.Customers.Services;
using OrchardPortal.Visits.ChangeRequests;
using OrchardPortal.Visits.Delays;
using OrchardPortal.Visits.Models;
using OrchardPortal.Visits.Services;

namespace OrchardPortal.Visits.Pages.Admin.Visits;

/// <summary>One visit for staff: everything about it (crew notes included), its requests, and the buttons that move it along.</summary>
[SiteScope(Site.Tenant)]
public sealed class VisitDetailsModel(
    VisitService visits, VisitDelayService delays, VisitChangeService changes, CustomerService customers, VisitClock clock) : PageModel
{
    public Visit Visit { get; private set; } = null!;

    public Customer? Customer { get; private set; }

    public IReadOnlyList<VisitChangeRequest> Requests { get; private set; } = [];

    public TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;

    public string? Error { get; private set; }

    [BindProperty]
    public string? StartedAt { get; set; }

    [BindProperty]
    public string? FinishedAt { get; set; }

    [BindProperty]
    public string? DelayMessage { get; set; }

    public Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken) => ShowAsync(id, cancellationToken);

    public Task<IActionResult> OnPostStartAsync(long id, CancellationToken cancellationToken) =>
        ActAsync(id, () => visits.StartAsync(id, cancellationToken), "Marked in progress.", cancellationToken);

    public Task<IActionResult> OnPostSkipAsync(long id, CancellationToken cancellationToken) =>
        ActAsync(id, () => visits.SkipAsync(id, cancellationToken), "Marked skipped.", cancellationToken);

    public Task<IActionResult> OnPostCancelAsync(long id, CancellationToken cancellationToken) =>
        ActAsync(id, () => visits.CancelAsync(id, cancellationToken), "Visit cancelled.", cancellationToken);

    public Task<IActionResult> OnPostClearDelayAsync(long id, CancellationToken cancellationToken) =>
        ActAsync(id, () => visits.ClearDelayAsync(id, cancellationToken), "Back on schedule.", cancellationToken);

    public async Task<IActionResult> OnPostCompleteAsync(long id, CancellationToken cancellationToken)
    {
        var zone = await clock.ZoneAsync(cancellationToken);
        var started = ParseLocal(StartedAt, zone);
        var finished = ParseLocal(FinishedAt, zone);
        if ((!string.IsNullOrWhiteSpace(StartedAt) && started is null) || (!string.IsNullOrWhiteSpace(FinishedAt) && finished is null))
        {
            Error = "Enter the start and finish as a date and time.";
            return await ShowAsync(id, cancellationToken, StatusCodes.Status400BadRequest);
        }

        return await ActAsync(id, () => visits.CompleteAsync(id, started, finished, cancellationToken), "Marked completed.", cancellationToken);
    }

    public async Task<IActionResult> OnPostDelayAsync(long id, CancellationToken cancellationToken)
    {
        if (await visits.GetAsync(id, cancellationToken) is null)
        {
            return NotFound();
        }

        var outcome = await delays.DelayVisitAsync(id, DelayMessage, cancellationToken);
        if (!outcome.Succeeded)
        {
            Error = outcome.Error;
            return await ShowAsync(id, cancellationToken, StatusCodes.Status400BadRequest);
        }

        TempData.Flash(outcome.VisitCount == 0 ? "Nothing changed: the visit is already delayed with that message, or no longer upcoming."
            : outcome.Emailed.Count > 0 ? "Marked delayed. The customer was emailed." : "Marked delayed. The customer has no email address, so call them.");
        return Redirect(VisitPaths.AdminDetails(id));
    }

    public string Local(DateTimeOffset utc, string format = "ddd, MMM d, yyyy h:mm tt") =>
        TimeZoneInfo.ConvertTime(utc, Zone).ToString(format, CultureInfo.InvariantCulture);

    private async Task<IActionResult> ActAsync(long id, Func<Task<VisitResult>> action, string done, CancellationToken cancellationToken)
    {
        var result = await action();
        if (result.NotFound)
        {
            return NotFound();
        }

        if (!result.Succeeded)
        {
            Error = result.Errors.Values.First();
            return await ShowAsync(id, cancellationToken, StatusCodes.Status400BadRequest);
        }

        TempData.Flash(done);
        return Redirect(VisitPaths.AdminDetails(id));
    }

    private async Task<IActionResult> ShowAsync(long id, CancellationToken cancellationToken, int status = StatusCodes.Status200OK)
    {
        if (await visits.GetAsync(id, cancellationToken) is not { } visit)
        {
            return NotFound();
        }

        Visit = visit;
        Zone = await clock.ZoneAsync(cancellationToken);
        Customer = await customers.GetAsync(visit.CustomerId, cancellationToken);
        Requests = await changes.ForVisitAsync(id, cancellationToken);
        StartedAt ??= Local(visit.StartedUtc ?? visit.WindowStartUtc, "yyyy-MM-dd'T'HH:mm");
        FinishedAt ??= Local(clock.UtcNow, "yyyy-MM-dd'T'HH:mm");
        Response.StatusCode = status;
        return Page();
    }

    private static DateTimeOffset? ParseLocal(string? text, TimeZoneInfo zone)
    {
        if (!DateTime.TryParseExact(text?.Trim(), ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return null;
        }

        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        return new DateTimeOffset(unspecified, zone.IsInvalidTime(unspecified) ? zone.BaseUtcOffset : zone.GetUtcOffset(unspecified)).ToUniversalTime();
    }
}
