using System.Globalization;
using OrchardPortal.Core.Theming;
using OrchardPortal.Customers.Models;
using OrchardPortal.ServiceRequests.Models;
using OrchardPortal.ServiceRequests.Services;

namespace OrchardPortal.ServiceRequests.Requests;

/// <summary>
/// The checks the Request service and Service notes forms share: the property must be one of the signed-in
/// customer's, and preferred dates are days in the company's calendar, from today up to a year ahead.
/// </summary>
public sealed class RequestFormRules(SiteProfileService profiles, TimeProvider clock)
{
    /// <summary>How far ahead a customer may ask for; further is almost always a mistyped year.</summary>
    public const int MaxDaysAhead = 366;

    public const string DateFormat = "yyyy-MM-dd";

    private SiteProfile? _profile;

    public async Task<DateOnly> TodayAsync(CancellationToken cancellationToken)
    {
        var zone = (await ProfileAsync(cancellationToken)).TimeZone;
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), zone).DateTime);
    }

    public async Task<string> CurrencyAsync(CancellationToken cancellationToken) => (await ProfileAsync(cancellationToken)).Currency;

    /// <summary>The chosen property; null when none was chosen and the customer has none to choose from.</summary>
    public static CustomerAddress? Property(Customer customer, string? typed, Dictionary<string, string> errors)
    {
        var properties = CustomerProperties.For(customer);
        if (properties.Count == 0 && string.IsNullOrWhiteSpace(typed))
        {
            return null;
        }

        if (long.TryParse(typed, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && properties.FirstOrDefault(p => p.Id == id) is { } property)
        {
            return property;
        }

        errors["PropertyId"] = string.IsNullOrWhiteSpace(typed) ? "Choose the property this is for." : "Choose one of your properties from the list.";
        return null;
    }

    /// <summary>The preferred first and (optional) last day; messages for a missing, unreadable, past or reversed date.</summary>
    public async Task<(DateOnly? From, DateOnly? To)> DatesAsync(string? fromText, string? toText, Dictionary<string, string> errors, CancellationToken cancellationToken)
    {
        var today = await TodayAsync(cancellationToken);
        var from = Date(fromText, "PreferredFrom", "the first day that suits you", required: true, today, errors);
        var to = Date(toText, "PreferredTo", "the last day that suits you", required: false, today, errors);
        if (from is { } f && to is { } t && t < f)
        {
            errors["PreferredTo"] = "The last day that suits you must be on or after the first day.";
            to = null;
        }

        return (from, to);
    }

    public static PreferredTime Time(string? typed, Dictionary<string, string> errors)
    {
        if (string.IsNullOrWhiteSpace(typed))
        {
            return PreferredTime.Any;
        }

        if (Enum.TryParse<PreferredTime>(typed, ignoreCase: false, out var time) && Enum.IsDefined(time) && !int.TryParse(typed, out _))
        {
            return time;
        }

        errors["PreferredTime"] = "Choose any time, mornings or afternoons.";
        return PreferredTime.Any;
    }

    public static string TimeLabel(PreferredTime time) => time switch
    {
        PreferredTime.Morning => "Mornings",
        PreferredTime.Afternoon => "Afternoons",
        _ => "Any time",
    };

    /// <summary>"Dec 3, 2026", "Dec 3 – Dec 10, 2026 (mornings)".</summary>
    public static string Describe(DateOnly from, DateOnly? to, PreferredTime time)
    {
        var culture = CultureInfo.InvariantCulture;
        var days = to is { } t && t != from
            ? from.ToString(from.Year == t.Year ? "MMM d" : "MMM d, yyyy", culture) + " – " + t.ToString("MMM d, yyyy", culture)
            : from.ToString("MMM d, yyyy", culture);
        return time == PreferredTime.Any ? days : $"{days} ({TimeLabel(time).ToLowerInvariant()})";
    }

    private static DateOnly? Date(string? typed, string field, string label, bool required, DateOnly today, Dictionary<string, string> errors)
    {
        if (string.IsNullOrWhiteSpace(typed))
        {
            if (required)
            {
                errors[field] = $"Choose {label}.";
            }

            return null;
        }

        if (!DateOnly.TryParseExact(typed.Trim(), DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            errors[field] = $"Enter {label} as a date, like {today.AddDays(7).ToString(DateFormat, CultureInfo.InvariantCulture)}.";
            return null;
        }

        if (date < today)
        {
            errors[field] = $"That date has passed: choose {label} from today on.";
            return null;
        }

        if (date > today.AddDays(MaxDaysAhead))
        {
            errors[field] = $"Choose {label} within the next year.";
            return null;
        }

        return date;
    }

    private async Task<SiteProfile> ProfileAsync(CancellationToken cancellationToken) => _profile ??= await profiles.GetAsync(cancellationToken);
}
