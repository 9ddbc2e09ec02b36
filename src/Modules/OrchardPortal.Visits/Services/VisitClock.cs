using System.Globalization;
using OrchardPortal.Core.Theming;

namespace OrchardPortal.Visits.Services;

/// <summary>
/// Visits are stored in UTC, but staff type and customers read times where the company is (the tenant's
/// time zone in its Site settings). This converts both ways and writes windows the same way everywhere.
/// </summary>
public sealed class VisitClock(SiteProfileService profiles, TimeProvider clock)
{
    private SiteProfile? _profile;

    public async Task<TimeZoneInfo> ZoneAsync(CancellationToken cancellationToken) =>
        (_profile ??= await profiles.GetAsync(cancellationToken)).TimeZone;

    public DateTimeOffset UtcNow => clock.GetUtcNow();

    public async Task<DateOnly> TodayAsync(CancellationToken cancellationToken) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), await ZoneAsync(cancellationToken)).DateTime);

    /// <summary>The UTC instant of a local date and time; a time skipped by a clock change moves to the next valid one.</summary>
    public async Task<DateTimeOffset> ToUtcAsync(DateOnly date, TimeOnly time, CancellationToken cancellationToken) =>
        ToUtc(date.ToDateTime(time), await ZoneAsync(cancellationToken));

    /// <summary>[start, end) in UTC of one local day.</summary>
    public async Task<(DateTimeOffset From, DateTimeOffset To)> DayAsync(DateOnly day, CancellationToken cancellationToken)
    {
        var zone = await ZoneAsync(cancellationToken);
        return (ToUtc(day.ToDateTime(TimeOnly.MinValue), zone), ToUtc(day.AddDays(1).ToDateTime(TimeOnly.MinValue), zone));
    }

    public async Task<DateTimeOffset> LocalAsync(DateTimeOffset utc, CancellationToken cancellationToken) =>
        TimeZoneInfo.ConvertTime(utc, await ZoneAsync(cancellationToken));

    /// <summary>"Tuesday, December 1, 2026".</summary>
    public static string Date(DateTimeOffset local) => local.ToString("dddd, MMMM d, yyyy", CultureInfo.InvariantCulture);

    /// <summary>"8:00 AM".</summary>
    public static string Time(DateTimeOffset local) => local.ToString("h:mm tt", CultureInfo.InvariantCulture);

    /// <summary>"8:00 AM – 10:00 AM", with the end's date when the window runs past midnight.</summary>
    public static string Window(DateTimeOffset localStart, DateTimeOffset localEnd) =>
        localStart.Date == localEnd.Date
            ? $"{Time(localStart)} – {Time(localEnd)}"
            : $"{Time(localStart)} – {localEnd.ToString("MMM d", CultureInfo.InvariantCulture)}, {Time(localEnd)}";

    /// <summary>"Dec 1, 2026 at 8:04 AM".</summary>
    public static string Moment(DateTimeOffset local) =>
        local.ToString("MMM d, yyyy", CultureInfo.InvariantCulture) + " at " + Time(local);

    private static DateTimeOffset ToUtc(DateTime local, TimeZoneInfo zone)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(unspecified))
        {
            unspecified = unspecified.AddMinutes(30);
        }

        return new DateTimeOffset(unspecified, zone.GetUtcOffset(unspecified)).ToUniversalTime();
    }
}
