using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OrchardPortal.Admin.Services;
using OrchardPortal.Billing.Services;
using OrchardPortal.Core.Hosting;
using OrchardPortal.ServiceRequests.Conversions;
using OrchardPortal.ServiceRequests.Models;
using OrchardPortal.ServiceRequests.Requests;
using OrchardPortal.ServiceRequests.Services;

namespace OrchardPortal.ServiceRequests.Pages.Admin.ServiceRequests;

/// <summary>
/// One request: what the customer asked for, their photos and the history of updates; change its status
/// with a message for the customer, or turn it into a draft estimate or a scheduled visit. Every form
/// carries the version the page showed, so a second person's change is never silently overwritten.
/// </summary>
[SiteScope(Site.Tenant)]
public sealed class ServiceRequestDetailsModel(ServiceRequestService requests, RequestConversions conversions, BillingContext billing) : PageModel
{
    public ServiceRequest Item { get; private set; } = null!;

    public string? Price { get; private set; }

    [BindProperty]
    public int Version { get; set; }

    [BindProperty]
    public ServiceRequestStatus NewStatus { get; set; }

    [BindProperty]
    public string? Message { get; set; }

    [BindProperty]
    public VisitInput Visit { get; set; } = new();

    public string? StatusError { get; private set; }

    public string? EstimateError { get; private set; }

    public IReadOnlyDictionary<string, string> VisitErrors { get; private set; } = new Dictionary<string, string>();

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostStatusAsync(long id, CancellationToken cancellationToken)
    {
        var result = await requests.ChangeStatusAsync(new StatusChange(id, NewStatus, Message, StaffName(), Version), cancellationToken);
        if (result.NotFound)
        {
            return NotFound();
        }

        if (result.Succeeded)
        {
            TempData.Flash($"Request #{id} is now {StatusText.StaffLabel(NewStatus).ToLowerInvariant()}." + (string.IsNullOrWhiteSpace(Message) ? "" : " The customer can see your message and was emailed it."));
            return Redirect(ServiceRequestPaths.Request(id));
        }

        StatusError = result.Message;
        return await RedisplayAsync(id, cancellationToken);
    }

    public async Task<IActionResult> OnPostEstimateAsync(long id, CancellationToken cancellationToken)
    {
        var result = await conversions.ToEstimateAsync(id, Version, StaffName(), cancellationToken);
        if (result.NotFound)
        {
            return NotFound();
        }

        if (result.Succeeded)
        {
            TempData.Flash($"A draft estimate was made from request #{id}. Check the line and price, then send it to the customer.");
            return Redirect(BillingPaths.EditEstimate(result.Id));
        }

        EstimateError = result.Message;
        return await RedisplayAsync(id, cancellationToken);
    }

    public async Task<IActionResult> OnPostVisitAsync(long id, CancellationToken cancellationToken)
    {
        var (result, errors) = await conversions.ToVisitAsync(
            id, Version, new VisitFromRequest(Visit.Date, Visit.StartTime, Visit.EndTime, Visit.CrewNotes, Visit.Message), StaffName(), cancellationToken);
        if (result.NotFound)
        {
            return NotFound();
        }

        if (result.Succeeded)
        {
            TempData.Flash($"Visit scheduled from request #{id}. The customer was told when to expect you.");
            return Redirect(ServiceRequestPaths.Request(id));
        }

        VisitErrors = errors.Count > 0 ? errors : new Dictionary<string, string> { [""] = result.Message ?? "The visit could not be scheduled." };
        return await RedisplayAsync(id, cancellationToken);
    }

    public string? VisitError(string field) => VisitErrors.TryGetValue(field, out var message) ? message : null;

    private async Task<IActionResult> RedisplayAsync(long id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken, keepVersion: true))
        {
            return NotFound();
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task<bool> LoadAsync(long id, CancellationToken cancellationToken, bool keepVersion = false)
    {
        if (await requests.GetAsync(id, cancellationToken) is not { } request)
        {
            return false;
        }

        Item = request;
        if (!keepVersion)
        {
            Version = request.Version;
            NewStatus = request.Status;
        }

        if (request.Price is { } price)
        {
            Price = (await billing.FormatterAsync(cancellationToken))(price);
        }

        return true;
    }

    private string StaffName() => User.FindFirstValue(ClaimTypes.Name) ?? User.FindFirstValue(ClaimTypes.Email) ?? "Staff";

    /// <summary>The schedule-a-visit form: a day and an arrival window in the company's time zone.</summary>
    public sealed class VisitInput
    {
        public string? Date { get; set; }

        public string? StartTime { get; set; }

        public string? EndTime { get; set; }

        public string? CrewNotes { get; set; }

        public string? Message { get; set; }
    }
}
