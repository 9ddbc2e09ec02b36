using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using OrchardPortal.Core.Theming;
using OrchardPortal.Portal.CustomerPages;
using OrchardPortal.Portal.Models;
using OrchardPortal.Portal.Services;
using OrchardPortal.Visits.Calendar;
using OrchardPortal.Visits.ChangeRequests;
using OrchardPortal.Visits.Models;
using OrchardPortal.Visits.Services;

namespace OrchardPortal.Visits.CustomerPortal;

/// <summary>
/// The customer's visit pages beside the Schedule tab: one visit with its reschedule/skip forms, those
/// forms' posts, and making (or replacing) the calendar link. Each passes the Schedule tab's own rule
/// first; the customer is always the signed-in one, and a visit that is not theirs answers like one that
/// does not exist.
/// </summary>
public sealed class VisitsPortalPages(
    ICurrentPortalCustomer current, IPortalAccessPolicy policy, PortalPages portal, IThemeRenderer renderer, VisitService visits,
    VisitChangeService changes, VisitsPortalModel describe, ScheduleTabContent schedule, CalendarFeedService feeds, VisitLinks links,
    IAntiforgery antiforgery, IHttpContextAccessor http)
{
    public const string AskedNotice = "Thanks — we’ve got your request and will let you know what we decide.";
    public const string ExpiredForm = "This form had expired. Please try again.";

    public async Task<IResult> VisitAsync(long id, CancellationToken cancellationToken)
    {
        var (customer, stop) = await GateAsync(VisitPaths.PortalVisit(id), cancellationToken);
        if (customer is null)
        {
            return stop!;
        }

        var asked = string.Equals(http.HttpContext?.Request.Query["asked"].ToString(), "1", StringComparison.Ordinal);
        return await RenderVisitAsync(customer, id, null, null, null, asked ? AskedNotice : null, StatusCodes.Status200OK, cancellationToken);
    }

    public Task<IResult> RescheduleAsync(long id, CancellationToken cancellationToken) => AskAsync(id, VisitChangeKind.Reschedule, cancellationToken);

    public Task<IResult> SkipAsync(long id, CancellationToken cancellationToken) => AskAsync(id, VisitChangeKind.Skip, cancellationToken);

    public async Task<IResult> CalendarAsync(CancellationToken cancellationToken)
    {
        var (customer, stop) = await GateAsync(VisitPaths.Portal, cancellationToken);
        if (customer is null)
        {
            return stop!;
        }

        var model = new Dictionary<string, object?>();
        if (await ReadFormAsync(cancellationToken) is null)
        {
            await schedule.FillAsync(customer, model, null, null, cancellationToken);
            model["error"] = ExpiredForm;
            return await RenderScheduleAsync(model, StatusCodes.Status400BadRequest, cancellationToken);
        }

        var token = await feeds.ResetAsync(customer.CustomerId, cancellationToken);
        // The address is shown this once: only its hash is kept, so it can't be shown again later.
        await schedule.FillAsync(customer, model, null, links.Absolute(VisitPaths.CalendarFeed(token)), cancellationToken);
        return await RenderScheduleAsync(model, StatusCodes.Status200OK, cancellationToken);
    }

    private async Task<IResult> AskAsync(long id, VisitChangeKind kind, CancellationToken cancellationToken)
    {
        var path = kind == VisitChangeKind.Skip ? VisitPaths.PortalSkip(id) : VisitPaths.PortalReschedule(id);
        var (customer, stop) = await GateAsync(path, cancellationToken);
        if (customer is null)
        {
            return stop!;
        }

        if (await visits.GetForCustomerAsync(customer.CustomerId, id, cancellationToken) is null)
        {
            return await portal.NotFoundAsync(cancellationToken);
        }

        var form = await ReadFormAsync(cancellationToken);
        if (form is null)
        {
            return await RenderVisitAsync(customer, id, null, null, ExpiredForm, null, StatusCodes.Status400BadRequest, cancellationToken);
        }

        var preferred = Clip(form["PreferredDates"].ToString());
        var notes = Clip(form["Notes"].ToString(), 4000);
        var result = await changes.SubmitAsync(
            new VisitChangeAsk(customer.CustomerId, id, kind, preferred, notes, customer.UserName ?? customer.Name, customer.UserEmail), cancellationToken);
        if (result.NotFound)
        {
            return await portal.NotFoundAsync(cancellationToken);
        }

        return result.Succeeded
            ? Results.Redirect(VisitPaths.PortalVisit(id) + "?asked=1")
            : await RenderVisitAsync(customer, id, preferred, notes, result.Error, null, StatusCodes.Status422UnprocessableEntity, cancellationToken);
    }

    private async Task<IResult> RenderVisitAsync(
        PortalCustomer customer, long id, string? preferred, string? notes, string? error, string? notice, int status, CancellationToken cancellationToken)
    {
        var visit = await visits.GetForCustomerAsync(customer.CustomerId, id, cancellationToken);
        if (visit is null)
        {
            return await portal.NotFoundAsync(cancellationToken);
        }

        var history = await changes.ForVisitAsync(visit.Id, cancellationToken);
        var model = new Dictionary<string, object?>
        {
            ["visit"] = await describe.VisitAsync(visit, history.Count > 0 ? history[0] : null, cancellationToken),
            ["change"] = describe.ChangeForm(visit.Id, preferred, notes, error),
            ["notice"] = notice,
            ["schedule_url"] = VisitPaths.Portal,
        };
        return await renderer.RenderPageAsync("Visit", model, new ThemePageOptions { Title = visit.ServiceName, StatusCode = status }, cancellationToken);
    }

    private Task<IResult> RenderScheduleAsync(Dictionary<string, object?> model, int status, CancellationToken cancellationToken) =>
        renderer.RenderPageAsync(PortalTabs.Schedule.View, model, new ThemePageOptions { Title = PortalTabs.Schedule.Title, StatusCode = status }, cancellationToken);

    // The Schedule tab's rules first (off, hidden or not permitted: 404; denied: the portal's own answer), then sign-in.
    private async Task<(PortalCustomer? Customer, IResult? Stop)> GateAsync(string returnUrl, CancellationToken cancellationToken)
    {
        var customer = await current.GetAsync(cancellationToken);
        var decision = await policy.CheckTabForAsync(customer, PortalTabs.Schedule.Key, cancellationToken);
        return decision switch
        {
            PortalAccessDecision.TabDisabled or PortalAccessDecision.TabHidden or PortalAccessDecision.NotPermitted => (null, await portal.NotFoundAsync(cancellationToken)),
            PortalAccessDecision.PortalDenied => (null, await portal.TabAsync(PortalTabs.Schedule, cancellationToken)),
            _ when customer is null => (null, await portal.SignInAsync(returnUrl, PortalTabs.Schedule, cancellationToken)),
            _ => (customer, null),
        };
    }

    private async Task<IFormCollection?> ReadFormAsync(CancellationToken cancellationToken)
    {
        var context = http.HttpContext!;
        if (!context.Request.HasFormContentType)
        {
            return null;
        }

        try
        {
            var form = await context.Request.ReadFormAsync(cancellationToken);
            return await antiforgery.IsRequestValidAsync(context) ? form : null;
        }
        catch (Exception exception) when (exception is InvalidDataException or BadHttpRequestException or AntiforgeryValidationException)
        {
            return null;
        }
    }

    private static string Clip(string value, int length = 1000) => value.Length > length ? value[..length] : value;
}
