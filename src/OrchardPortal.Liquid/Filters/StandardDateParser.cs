using System.Globalization;
using System.Text;

namespace OrchardPortal.Liquid.Filters;

/// <summary>
/// Reads the date strings the <c>date</c> filter accepts, approximating Ruby's <c>Time.parse</c>: ISO 8601, RFC 1123,
/// "March 14, 2016", "14 Mar 2016 10:00", "2016/03/14", "03/14/2016" (US order), compact "20160314T1030", with optional
/// weekday names, ordinal suffixes ("14th") and a trailing "UTC"/"GMT". A string without an offset is a wall-clock
/// time in the context's time zone; a time without a date is today.
/// </summary>
internal static class StandardDateParser
{
    private const DateTimeStyles ParseStyles = DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.NoCurrentDateDefault;

    private static readonly string[] CompactFormats =
    [
        "yyyyMMdd'T'HHmm",
        "yyyyMMdd'T'HHmmss",
        "yyyyMMdd'T'HHmmssK",
        "yyyyMMdd'T'HHmmss'Z'",
    ];

    private static readonly string[] WeekdayNames =
    [
        "sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
        "sun", "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat",
    ];

    public static bool TryParse(string text, TemplateContext context, out DateTimeOffset time, out string zoneName)
    {
        var cleaned = Clean(text);
        if (DateTime.TryParse(cleaned, CultureInfo.InvariantCulture, ParseStyles, out var parsed)
            || DateTime.TryParseExact(cleaned, CompactFormats, CultureInfo.InvariantCulture, ParseStyles, out parsed))
        {
            if (parsed.Kind == DateTimeKind.Unspecified)
            {
                if (parsed.Date == DateTime.MinValue.Date)
                {
                    var today = TimeZoneInfo.ConvertTime(context.TimeProvider.GetUtcNow(), context.TimeZone);
                    parsed = today.Date.Add(parsed.TimeOfDay);
                }

                return FromWallClock(parsed, context, out time, out zoneName);
            }

            if (DateTimeOffset.TryParse(cleaned, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out time)
                || DateTimeOffset.TryParseExact(cleaned, CompactFormats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out time))
            {
                // Ruby keeps the offset written in the string; it only names the zone when it is UTC.
                zoneName = time.Offset == TimeSpan.Zero ? "UTC" : string.Empty;
                return true;
            }
        }

        time = default;
        zoneName = string.Empty;
        return false;
    }

    /// <summary>A clock time in the context's zone (an hour skipped by daylight saving takes the zone's standard offset).</summary>
    public static bool FromWallClock(DateTime wallClock, TemplateContext context, out DateTimeOffset time, out string zoneName)
    {
        var unspecified = DateTime.SpecifyKind(wallClock, DateTimeKind.Unspecified);
        var offset = context.TimeZone.IsInvalidTime(unspecified)
            ? context.TimeZone.BaseUtcOffset
            : context.TimeZone.GetUtcOffset(unspecified);
        try
        {
            time = new DateTimeOffset(unspecified, offset);
        }
        catch (ArgumentOutOfRangeException)
        {
            time = default;
            zoneName = string.Empty;
            return false;
        }

        zoneName = ZoneAbbreviation(context.TimeZone, time);
        return true;
    }

    /// <summary>
    /// What <c>%Z</c> prints. The BCL has no zone abbreviations, so they are built from the zone's display name
    /// ("Central European Summer Time" → "CEST"), which gives the usual ones for most zones.
    /// </summary>
    public static string ZoneAbbreviation(TimeZoneInfo zone, DateTimeOffset time)
    {
        if (zone == TimeZoneInfo.Utc || zone.Id is "UTC" or "Etc/UTC" or "Etc/Universal")
        {
            return "UTC";
        }

        var name = zone.IsDaylightSavingTime(time) ? zone.DaylightName : zone.StandardName;
        if (!name.Contains(' ', StringComparison.Ordinal))
        {
            return name;
        }

        // Europe's zones are CET/CEST, EET/EEST, WET/WEST: "Standard" is not part of the abbreviation there.
        var europe = name.EndsWith("European Standard Time", StringComparison.Ordinal);
        var builder = new StringBuilder(5);
        foreach (var word in name.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (char.IsLetter(word[0]) && !(europe && word == "Standard"))
            {
                builder.Append(char.ToUpperInvariant(word[0]));
            }
        }

        return builder.ToString();
    }

    /// <summary>Drops what Ruby ignores and .NET rejects: weekday names, ordinal suffixes, a "UTC" zone word.</summary>
    private static string Clean(string text)
    {
        var builder = new StringBuilder(text.Length);
        var words = text.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        foreach (var raw in words)
        {
            var word = raw.TrimEnd(',', '.');
            if (Array.IndexOf(WeekdayNames, word.ToLowerInvariant()) >= 0)
            {
                continue;
            }

            var kept = word.Equals("UTC", StringComparison.OrdinalIgnoreCase) ? "+00:00" : StripOrdinal(raw);
            if (builder.Length > 0)
            {
                builder.Append(' ');
            }

            builder.Append(kept);
        }

        return builder.ToString();
    }

    private static string StripOrdinal(string word)
    {
        var end = word.Length;
        var trailing = word.AsSpan().TrimEnd(',').Length;
        if (trailing >= 3 && char.IsAsciiDigit(word[trailing - 3]))
        {
            var suffix = word.AsSpan(trailing - 2, 2);
            if (suffix is "st" or "nd" or "rd" or "th")
            {
                return string.Concat(word.AsSpan(0, trailing - 2), word.AsSpan(trailing, end - trailing));
            }
        }

        return word;
    }
}
