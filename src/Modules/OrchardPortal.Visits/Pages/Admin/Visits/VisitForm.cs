using System.Globalization;
using OrchardPortal.Customers.Services;
using OrchardPortal.Visits.Models;
using OrchardPortal.Visits.Services;

namespace OrchardPortal.Visits.Pages.Admin.Visits;

/// <summary>
/// The schedule/edit form as staff type it: the customer by account number, the date and the window in
/// the company's local time. Turned into a <see cref="ScheduleVisit"/> in UTC, with messages per field.
/// </summary>
public sealed class VisitForm
{
    public const string DateFormat = "yyyy-MM-dd";
    public const string TimeFormat = "HH:mm";

    public string? CustomerAccount { get; set; }

    public long? PropertyId { get; set; }

    public string? ServiceName { get; set; }

    public string? Date { get; set; }

    public string? StartTime { get; set; }

    public string? EndTime { get; set; }

    public string? CustomerNotes { get; set; }

    public string? CrewNotes { get; set; }

    public long? SourceServiceRequestId { get; set; }

    public static async Task<VisitForm> FromAsync(Visit visit, string accountNumber, VisitClock clock, CancellationToken cancellationToken)
    {
        var start = await clock.LocalAsync(visit.WindowStartUtc, cancellationToken);
        var end = await clock.LocalAsync(visit.WindowEndUtc, cancellationToken);
        return new VisitForm
        {
            CustomerAccount = accountNumber,
            PropertyId = visit.PropertyId,
            ServiceName = visit.ServiceName,
            Date = start.ToString(DateFormat, CultureInfo.InvariantCulture),
            StartTime = start.ToString(TimeFormat, CultureInfo.InvariantCulture),
            EndTime = end.ToString(TimeFormat, CultureInfo.InvariantCulture),
            CustomerNotes = visit.CustomerNotes,
            CrewNotes = visit.CrewNotes,
            SourceServiceRequestId = visit.SourceServiceRequestId,
        };
    }

    /// <summary>The request to schedule, or the messages (keyed by this form's fields) when it can't be read.</summary>
    public async Task<(ScheduleVisit? Request, Dictionary<string, string> Errors)> ToRequestAsync(CustomerService customers, VisitClock clock, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        long? customerId = null;
        if (string.IsNullOrWhiteSpace(CustomerAccount))
        {
            errors[nameof(CustomerAccount)] = "Enter the customer’s account number.";
        }
        else if (await customers.FindByAccountNumberAsync(CustomerAccount.Trim(), cancellationToken) is { } customer)
        {
            customerId = customer.Id;
        }
        else
        {
            errors[nameof(CustomerAccount)] = $"No customer has the account number “{CustomerAccount.Trim()}”.";
        }

        var date = ParseDate(Date, errors);
        var start = ParseTime(StartTime, nameof(StartTime), "Enter the time the window starts, such as 08:00.", errors);
        var end = ParseTime(EndTime, nameof(EndTime), "Enter the time the window ends, such as 10:00.", errors);
        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var startUtc = await clock.ToUtcAsync(date!.Value, start!.Value, cancellationToken);
        var endUtc = await clock.ToUtcAsync(date.Value, end!.Value, cancellationToken);
        return (new ScheduleVisit(customerId!.Value, PropertyId, ServiceName, startUtc, endUtc, CrewNotes, CustomerNotes, SourceServiceRequestId), errors);
    }

    /// <summary>The service's messages, moved onto this form's fields.</summary>
    public static Dictionary<string, string> FieldErrors(IReadOnlyDictionary<string, string> errors) =>
        errors.ToDictionary(e => e.Key switch
        {
            nameof(ScheduleVisit.CustomerId) => nameof(CustomerAccount),
            nameof(ScheduleVisit.WindowStartUtc) => nameof(StartTime),
            nameof(ScheduleVisit.WindowEndUtc) => nameof(EndTime),
            _ => e.Key,
        }, e => e.Value, StringComparer.Ordinal);

    public static DateOnly? ParseDay(string? text) =>
        DateOnly.TryParseExact(text?.Trim(), DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

    public static TimeOnly? ParseClock(string? text) =>
        TimeOnly.TryParseExact(text?.Trim(), [TimeFormat, "H:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) ? time : null;

    private static DateOnly? ParseDate(string? text, Dictionary<string, string> errors)
    {
        var day = ParseDay(text);
        if (day is null)
        {
            errors[nameof(Date)] = string.IsNullOrWhiteSpace(text) ? "Enter the date of the visit." : "Enter the date as YYYY-MM-DD, such as 2026-12-01.";
        }

        return day;
    }

    private static TimeOnly? ParseTime(string? text, string field, string message, Dictionary<string, string> errors)
    {
        var time = ParseClock(text);
        if (time is null)
        {
            errors[field] = message;
        }

        return time;
    }
}
