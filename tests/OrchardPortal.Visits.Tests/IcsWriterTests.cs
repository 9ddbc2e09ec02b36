using System.Text;
using OrchardPortal.Visits.Calendar;

namespace OrchardPortal.Visits.Tests;

/// <summary>The iCalendar writer's escaping and folding on their own, where the edge cases are easy to pin.</summary>
public sealed class IcsWriterTests
{
    [Theory]
    [InlineData("a,b", @"a\,b")]
    [InlineData("a;b", @"a\;b")]
    [InlineData(@"a\b", @"a\\b")]
    [InlineData("a\r\nb\nc\rd", @"a\nb\nc\nd")]
    [InlineData(@"\,;", @"\\\,\;")]
    public void Text_values_escape_backslash_semicolon_comma_and_newlines(string value, string expected) =>
        Assert.Equal(expected, IcsWriter.Escape(value));

    [Fact]
    public void Long_lines_fold_at_75_octets_without_splitting_a_multibyte_character()
    {
        var summary = string.Concat(Enumerable.Repeat("é€😀", 40));
        var ics = IcsWriter.Write("Test", [new CalendarEvent("u1", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddHours(1), summary, null, null, "CONFIRMED", 0)]);

        var physical = ics.TrimEnd('\n').TrimEnd('\r').Split("\r\n");
        Assert.All(physical, l => Assert.True(Encoding.UTF8.GetByteCount(l) <= 75));
        Assert.DoesNotContain('\uFFFD', Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(ics)));
        var unfolded = ics.Replace("\r\n ", "", StringComparison.Ordinal);
        Assert.Contains("SUMMARY:" + summary + "\r\n", unfolded, StringComparison.Ordinal);
    }

    [Fact]
    public void Times_are_written_in_utc_form()
    {
        var local = new DateTimeOffset(2026, 12, 1, 8, 30, 0, TimeSpan.FromHours(-5));

        Assert.Equal("20261201T133000Z", IcsWriter.Utc(local));
    }
}
