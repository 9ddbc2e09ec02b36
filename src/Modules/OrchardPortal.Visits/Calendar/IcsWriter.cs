using System.Globalization;
using System.Text;

namespace OrchardPortal.Visits.Calendar;

/// <summary>One event of the feed, in the terms of RFC 5545 (times in UTC).</summary>
public sealed record CalendarEvent(
    string Uid,
    DateTimeOffset StampUtc,
    DateTimeOffset StartUtc,
    DateTimeOffset EndUtc,
    string Summary,
    string? Location,
    string? Description,
    string Status,
    int Sequence);

/// <summary>
/// Writes an iCalendar (RFC 5545) document: CRLF line ends, content lines folded at 75 octets without
/// splitting a UTF-8 character, TEXT values escaped (backslash, semicolon, comma, newline), times in UTC.
/// </summary>
public static class IcsWriter
{
    public const string ContentType = "text/calendar; charset=utf-8";

    private const int MaxOctets = 75;

    public static string Write(string calendarName, IEnumerable<CalendarEvent> events)
    {
        var output = new StringBuilder();
        Line(output, "BEGIN:VCALENDAR");
        Line(output, "VERSION:2.0");
        Line(output, "PRODID:-//OrchardPortal//Visits//EN");
        Line(output, "CALSCALE:GREGORIAN");
        Line(output, "METHOD:PUBLISH");
        Line(output, "X-WR-CALNAME:" + Escape(calendarName));
        foreach (var e in events)
        {
            Line(output, "BEGIN:VEVENT");
            Line(output, "UID:" + Escape(e.Uid));
            Line(output, "DTSTAMP:" + Utc(e.StampUtc));
            Line(output, "DTSTART:" + Utc(e.StartUtc));
            Line(output, "DTEND:" + Utc(e.EndUtc));
            Line(output, "SUMMARY:" + Escape(e.Summary));
            if (!string.IsNullOrWhiteSpace(e.Location))
            {
                Line(output, "LOCATION:" + Escape(e.Location));
            }

            if (!string.IsNullOrWhiteSpace(e.Description))
            {
                Line(output, "DESCRIPTION:" + Escape(e.Description));
            }

            Line(output, "STATUS:" + e.Status);
            Line(output, "SEQUENCE:" + e.Sequence.ToString(CultureInfo.InvariantCulture));
            Line(output, "END:VEVENT");
        }

        Line(output, "END:VCALENDAR");
        return output.ToString();
    }

    /// <summary>TEXT escaping (RFC 5545 §3.3.11); CR LF, lone CR and lone LF all become <c>\n</c>.</summary>
    public static string Escape(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace(";", "\\;", StringComparison.Ordinal)
            .Replace(",", "\\,", StringComparison.Ordinal)
            .Replace("\r\n", "\n", StringComparison.Ordinal)
            .Replace('\r', '\n')
            .Replace("\n", "\\n", StringComparison.Ordinal);

    /// <summary>UTC date-time form, e.g. <c>20261201T130000Z</c>.</summary>
    public static string Utc(DateTimeOffset value) => value.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    // Folds after at most 75 octets (§3.1): the continuation starts with one space, which counts toward its 75.
    private static void Line(StringBuilder output, string line)
    {
        var octets = 0;
        var limit = MaxOctets;
        var i = 0;
        while (i < line.Length)
        {
            var length = char.IsHighSurrogate(line[i]) && i + 1 < line.Length ? 2 : 1;
            var size = Encoding.UTF8.GetByteCount(line.AsSpan(i, length));
            if (octets + size > limit)
            {
                output.Append("\r\n ");
                octets = 1;
            }

            output.Append(line, i, length);
            octets += size;
            i += length;
        }

        output.Append("\r\n");
    }
}
