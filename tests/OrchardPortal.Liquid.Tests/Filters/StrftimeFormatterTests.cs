using OrchardPortal.Liquid.Filters;

namespace OrchardPortal.Liquid.Tests.Filters;

public sealed class StrftimeFormatterTests
{
    // Thursday 3 February 2005, 04:05:06.1234567 at +01:00.
    private static readonly DateTimeOffset Sample = new DateTimeOffset(2005, 2, 3, 4, 5, 6, TimeSpan.FromHours(1)).AddTicks(1_234_567);

    [Theory]
    [InlineData("%Y %C %y", "2005 20 05")]
    [InlineData("%m %B %b %h", "02 February Feb Feb")]
    [InlineData("%d %e %j", "03  3 034")]
    [InlineData("%H %k %I %l %P %p", "04  4 04  4 am AM")]
    [InlineData("%M %S %L %N %3N %6N %12N", "05 06 123 123456700 123 123456 123456700000")]
    [InlineData("%z %:z %::z", "+0100 +01:00 +01:00:00")]
    [InlineData("%Z", "CET")]
    [InlineData("%A %a %u %w", "Thursday Thu 4 4")]
    [InlineData("%U %W %G %g %V", "05 05 2005 05 05")]
    [InlineData("%s", "1107399906")]
    [InlineData("%D|%x|%F|%T|%X|%R|%r", "02/03/05|02/03/05|2005-02-03|04:05:06|04:05:06|04:05|04:05:06 AM")]
    [InlineData("%c", "Thu Feb  3 04:05:06 2005")]
    [InlineData("%v", " 3-FEB-2005")]
    [InlineData("%+", "Thu Feb  3 04:05:06 CET 2005")]
    [InlineData("%%|%n|%t", "%|\n|\t")]
    public void Conversions_match_ruby(string format, string expected)
    {
        Assert.Equal(expected, StrftimeFormatter.Format(format, Sample, "CET"));
    }

    [Theory]
    [InlineData("%-d %-m %-H %-I %-j", "3 2 4 4 34")]
    [InlineData("%_m %_d %_H", " 2  3  4")]
    [InlineData("%0e %0k", "03 04")]
    [InlineData("%5Y %-5Y %_5Y", "02005 2005  2005")]
    [InlineData("%^B %^a %^p %#p %#b %#Z", "FEBRUARY THU AM am FEB cet")]
    [InlineData("%10A|%-10A|%010a", "  Thursday|Thursday|0000000Thu")]
    [InlineData("%12c", "Thu Feb  3 04:05:06 2005")]
    [InlineData("%^c", "THU FEB  3 04:05:06 2005")]
    [InlineData("%7z %-z", "+000100 +100")]
    public void Flags_and_widths_change_padding_and_case(string format, string expected)
    {
        Assert.Equal(expected, StrftimeFormatter.Format(format, Sample, "CET"));
    }

    [Theory]
    [InlineData(2005, 1, 1, "00 00 53 2004 6 001")]
    [InlineData(2007, 12, 31, "52 53 01 2008 1 365")]
    [InlineData(2012, 1, 1, "01 00 52 2011 7 001")]
    public void Week_numbers_follow_their_definitions_at_year_boundaries(int year, int month, int day, string expected)
    {
        var date = new DateTimeOffset(year, month, day, 12, 0, 0, TimeSpan.Zero);
        Assert.Equal(expected, StrftimeFormatter.Format("%U %W %V %G %u %j", date));
    }

    [Fact]
    public void Twelve_hour_clock_shows_twelve_at_noon_and_midnight()
    {
        var midnight = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
        Assert.Equal("12 AM|12 PM", StrftimeFormatter.Format("%I %p|", midnight) + StrftimeFormatter.Format("%I %p", midnight.AddHours(12)));
    }

    [Fact]
    public void Negative_offsets_and_unknown_conversions()
    {
        var time = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.FromMinutes(-570));
        Assert.Equal("-0930 -09:30", StrftimeFormatter.Format("%z %:z", time));
        Assert.Equal("%q %-q %:d 100%", StrftimeFormatter.Format("%q %-q %:d 100%", time));
    }

    [Fact]
    public void Absurd_widths_are_rejected_instead_of_allocating()
    {
        Assert.Throws<LiquidRenderException>(() => StrftimeFormatter.Format("%999999999Y", Sample));
    }
}
