using static OrchardPortal.Liquid.Filters.StandardFilterValues;

namespace OrchardPortal.Liquid.Filters;

public static partial class StandardFilters
{
    private const long MinUnixSeconds = -62_135_596_800;
    private const long MaxUnixSeconds = 253_402_300_799;

    /// <summary>
    /// Formats a date with a Ruby <c>strftime</c> format (see <see cref="StrftimeFormatter"/>). Accepts
    /// <c>"now"</c>/<c>"today"</c>, Unix timestamps (numbers or digit strings), date strings in common formats, and
    /// <see cref="DateTimeOffset"/>/<see cref="DateTime"/>/<see cref="DateOnly"/> values. Times are shown in
    /// <see cref="TemplateContext.TimeZone"/>, except strings that carry their own offset, which keep it as in Ruby.
    /// Input that is not a date is returned unchanged, as is the input when the format is empty.
    /// </summary>
    public static object? Date(object? input, FilterArguments arguments, TemplateContext context)
    {
        ExpectArguments("date", arguments, 1, 1);
        var format = ToText(arguments.At(0));
        if (format.Length == 0 || !TryGetDate(input, context, out var time, out var zoneName))
        {
            return input;
        }

        return StrftimeFormatter.Format(format, time, zoneName);
    }

    private static bool TryGetDate(object? input, TemplateContext context, out DateTimeOffset time, out string zoneName)
    {
        time = default;
        zoneName = string.Empty;
        switch (input)
        {
            case DateTimeOffset value:
                return InContextZone(value, context, out time, out zoneName);
            case DateTime value when value.Kind == DateTimeKind.Unspecified:
                return StandardDateParser.FromWallClock(value, context, out time, out zoneName);
            case DateTime value:
                return InContextZone(new DateTimeOffset(value.ToUniversalTime()), context, out time, out zoneName);
            case DateOnly value:
                return StandardDateParser.FromWallClock(value.ToDateTime(TimeOnly.MinValue), context, out time, out zoneName);
            case long or int:
                return FromUnixSeconds(Convert.ToInt64(input, System.Globalization.CultureInfo.InvariantCulture), context, out time, out zoneName);
            case string text:
                return TryGetDateFromText(text, context, out time, out zoneName);
            default:
                return false;
        }
    }

    private static bool TryGetDateFromText(string text, TemplateContext context, out DateTimeOffset time, out string zoneName)
    {
        time = default;
        zoneName = string.Empty;
        if (text.Length == 0)
        {
            return false;
        }

        if (text.Equals("now", StringComparison.OrdinalIgnoreCase) || text.Equals("today", StringComparison.OrdinalIgnoreCase))
        {
            return InContextZone(context.TimeProvider.GetUtcNow(), context, out time, out zoneName);
        }

        if (text.AsSpan().IndexOfAnyExceptInRange('0', '9') < 0)
        {
            return long.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var seconds)
                && FromUnixSeconds(seconds, context, out time, out zoneName);
        }

        return StandardDateParser.TryParse(text, context, out time, out zoneName);
    }

    private static bool FromUnixSeconds(long seconds, TemplateContext context, out DateTimeOffset time, out string zoneName)
    {
        if (seconds is < MinUnixSeconds or > MaxUnixSeconds)
        {
            time = default;
            zoneName = string.Empty;
            return false;
        }

        return InContextZone(DateTimeOffset.FromUnixTimeSeconds(seconds), context, out time, out zoneName);
    }

    private static bool InContextZone(DateTimeOffset value, TemplateContext context, out DateTimeOffset time, out string zoneName)
    {
        try
        {
            time = TimeZoneInfo.ConvertTime(value, context.TimeZone);
        }
        catch (ArgumentOutOfRangeException)
        {
            // Within hours of year 1 or 9999 the converted time would not exist.
            time = default;
            zoneName = string.Empty;
            return false;
        }

        zoneName = StandardDateParser.ZoneAbbreviation(context.TimeZone, time);
        return true;
    }
}
