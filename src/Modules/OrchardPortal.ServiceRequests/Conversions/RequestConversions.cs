using System.Globalization;
using OrchardPortal.Billing.Estimates;
using OrchardPortal.Billing.Services;
using OrchardPortal.Core.Theming;
using OrchardPortal.ServiceRequests.Requests;
using OrchardPortal.ServiceRequests.Services;
using OrchardPortal.Visits.Services;

namespace OrchardPortal.ServiceRequests.Conversions;

/// <summary>Staff's window for a visit made from a request: a day and times in the company's time zone, as typed.</summary>
public sealed record VisitFromRequest(string? Date, string? StartTime, string? EndTime, string? CrewNotes, string? Message);

/// <summary>
/// Turns a request into the next piece of work through the owning modules' public services: a draft
/// estimate (Billing's <see cref="EstimateService"/>) pre-filled with the service line and price for staff
/// to finish, or a scheduled visit (Visits' <see cref="VisitService"/>). The request remembers which, and
/// moves to Quoted or Scheduled. A request already converted is not converted twice.
/// </summary>
public sealed class RequestConversions(
    ServiceRequestService requests, ServiceRequestStaffActions actions, EstimateService estimates, VisitService visits, BillingContext billing, SiteProfileService profiles)
{
    /// <summary>How long the drafted estimate is valid for, the same default as a new estimate in the admin.</summary>
    public const int EstimateValidDays = 30;

    public async Task<ServiceRequestResult> ToEstimateAsync(long requestId, int expectedVersion, string staffName, CancellationToken cancellationToken)
    {
        var request = await requests.GetAsync(requestId, cancellationToken);
        if (request is null)
        {
            return ServiceRequestResult.Missing(requestId);
        }

        if (request.EstimateId is { } existing)
        {
            return ServiceRequestResult.Refused($"An estimate was already made from this request (estimate {existing.ToString(CultureInfo.InvariantCulture)}).", request.Id);
        }

        if (request.Version != expectedVersion)
        {
            return ServiceRequestResult.Refused(ServiceRequestStaffActions.ConcurrencyMessage, request.Id);
        }

        var today = await billing.TodayAsync(cancellationToken);
        var line = request.Description is null ? request.ServiceName : $"{request.ServiceName}: {request.Description}";
        var draft = new DocumentDraft
        {
            CustomerId = request.CustomerId,
            PropertyId = request.PropertyId,
            IssueDate = today,
            EndDate = today.AddDays(EstimateValidDays),
            Notes = $"From service request {request.Id.ToString(CultureInfo.InvariantCulture)} (preferred {RequestFormRules.Describe(request.PreferredFrom, request.PreferredTo, request.PreferredTime)}).",
            Lines = [new LineDraft { Description = line.Length <= 500 ? line : line[..500], Quantity = 1, UnitPrice = request.Price ?? 0 }],
        };
        var created = await estimates.CreateAsync(draft, cancellationToken);
        if (!created.Succeeded)
        {
            return ServiceRequestResult.Refused("The estimate could not be drafted: " + created.Message, request.Id);
        }

        var linked = await actions.LinkEstimateAsync(request.Id, expectedVersion, created.Id, staffName, cancellationToken);
        return linked.Succeeded ? ServiceRequestResult.Ok(created.Id) : linked;
    }

    public async Task<(ServiceRequestResult Result, IReadOnlyDictionary<string, string> Errors)> ToVisitAsync(
        long requestId, int expectedVersion, VisitFromRequest input, string staffName, CancellationToken cancellationToken)
    {
        var request = await requests.GetAsync(requestId, cancellationToken);
        if (request is null)
        {
            return (ServiceRequestResult.Missing(requestId), new Dictionary<string, string>());
        }

        if (request.VisitId is not null)
        {
            return (ServiceRequestResult.Refused("A visit was already scheduled from this request.", request.Id), new Dictionary<string, string>());
        }

        if (request.Version != expectedVersion)
        {
            return (ServiceRequestResult.Refused(ServiceRequestStaffActions.ConcurrencyMessage, request.Id), new Dictionary<string, string>());
        }

        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var zone = (await profiles.GetAsync(cancellationToken)).TimeZone;
        var start = LocalTime(input.Date, input.StartTime, zone, "StartTime", "the start of the arrival window", errors);
        var end = LocalTime(input.Date, input.EndTime, zone, "EndTime", "the end of the arrival window", errors);
        if (errors.Count > 0)
        {
            return (ServiceRequestResult.Invalid(errors), errors);
        }

        var scheduled = await visits.ScheduleAsync(
            new ScheduleVisit(request.CustomerId, request.PropertyId, request.ServiceName, start, end, CrewNotes: Blank(input.CrewNotes), SourceServiceRequestId: request.Id),
            cancellationToken);
        if (!scheduled.Succeeded)
        {
            var mapped = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (key, value) in scheduled.Errors)
            {
                var field = key switch
                {
                    nameof(ScheduleVisit.WindowStartUtc) => "StartTime",
                    nameof(ScheduleVisit.WindowEndUtc) => "EndTime",
                    nameof(ScheduleVisit.CrewNotes) => "CrewNotes",
                    _ => "",
                };
                mapped[field] = mapped.TryGetValue(field, out var before) ? before + " " + value : value;
            }

            return (ServiceRequestResult.Invalid(mapped), mapped);
        }

        var when = TimeZoneInfo.ConvertTime(start!.Value, zone);
        var until = TimeZoneInfo.ConvertTime(end!.Value, zone);
        var message = Blank(input.Message)
            ?? $"We’ve scheduled your {request.ServiceName.ToLowerInvariant()} for {when.ToString("dddd, MMMM d", CultureInfo.InvariantCulture)}, arriving between {when.ToString("h:mm tt", CultureInfo.InvariantCulture)} and {until.ToString("h:mm tt", CultureInfo.InvariantCulture)}.";
        var linked = await actions.LinkVisitAsync(request.Id, expectedVersion, scheduled.VisitId!.Value, staffName, message, cancellationToken);
        return (linked.Succeeded ? ServiceRequestResult.Ok(scheduled.VisitId.Value) : linked, linked.Errors);
    }

    // A day and a time typed in the company's calendar, as an instant (UTC offset from the zone's rules on that day).
    private static DateTimeOffset? LocalTime(string? date, string? time, TimeZoneInfo zone, string field, string label, Dictionary<string, string> errors)
    {
        if (!DateOnly.TryParseExact(date?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            errors["Date"] = "Choose the day of the visit.";
            return null;
        }

        if (!TimeOnly.TryParseExact(time?.Trim(), "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var at))
        {
            errors[field] = $"Enter {label}, like 08:00.";
            return null;
        }

        var local = day.ToDateTime(at, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
