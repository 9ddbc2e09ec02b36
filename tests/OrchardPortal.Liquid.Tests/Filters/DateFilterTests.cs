using OrchardPortal.Liquid.Filters;
using static OrchardPortal.Liquid.Tests.Filters.FilterTestKit;

namespace OrchardPortal.Liquid.Tests.Filters;

public sealed class DateFilterTests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    [Fact]
    public void Date_strings_in_common_formats_are_read()
    {
        Assert.Equal("Mar 14, 16", Call(StandardFilters.Date, "March 14, 2016", "%b %d, %y"));
        Assert.Equal("2016-03-14 10:30", Call(StandardFilters.Date, "2016-03-14 10:30", "%F %R"));
        Assert.Equal("2016-03-14", Call(StandardFilters.Date, "14 Mar 2016", "%F"));
        Assert.Equal("2016-03-14", Call(StandardFilters.Date, "Monday, March 14th, 2016", "%F"));
        Assert.Equal("2016-03-14", Call(StandardFilters.Date, "Mon Mar 14 2016", "%F"));
        Assert.Equal("2016-03-14 10:30", Call(StandardFilters.Date, "20160314T1030", "%F %R"));
    }

    [Fact]
    public void Timestamps_are_seconds_since_the_epoch()
    {
        Assert.Equal("07/05/2006", Call(StandardFilters.Date, 1152098955L, "%m/%d/%Y"));
        Assert.Equal("07/05/2006", Call(StandardFilters.Date, "1152098955", "%m/%d/%Y"));
        Assert.Equal("1970-08-22", Call(StandardFilters.Date, "20160314", "%F"));
        Assert.Equal("1457913600", Call(StandardFilters.Date, "March 14, 2016", "%s"));
    }

    [Fact]
    public void Input_that_is_not_a_date_passes_through()
    {
        Assert.Equal("-1152098955", Call(StandardFilters.Date, "-1152098955", "%m/%d/%Y"));
        Assert.Equal("not a date", Call(StandardFilters.Date, "not a date", "%Y"));
        Assert.Equal("March 14, 2016", Call(StandardFilters.Date, "March 14, 2016", null));
        Assert.Null(Call(StandardFilters.Date, null, "%Y"));
        Assert.Equal(1.5, Call(StandardFilters.Date, 1.5, "%Y"));
    }

    [Fact]
    public void Now_and_today_come_from_the_context_clock_in_the_context_zone()
    {
        var clock = new FixedClock(new DateTimeOffset(2024, 7, 1, 22, 30, 0, TimeSpan.Zero));
        var context = new TemplateContext { TimeProvider = clock, TimeZone = Berlin };
        Assert.Equal("2024-07-02 00:30 +0200 CEST", CallWith(StandardFilters.Date, context, "now", "%Y-%m-%d %H:%M %z %Z"));
        Assert.Equal("2024-07-02", CallWith(StandardFilters.Date, context, "Today", "%F"));
    }

    [Fact]
    public void Host_times_are_converted_to_the_context_zone()
    {
        var context = new TemplateContext { TimeZone = Berlin };
        var utc = new DateTimeOffset(2024, 1, 15, 12, 0, 0, TimeSpan.Zero);
        Assert.Equal("13:00 CET", CallWith(StandardFilters.Date, context, utc, "%H:%M %Z"));
        Assert.Equal("13:00", CallWith(StandardFilters.Date, context, utc.UtcDateTime, "%H:%M"));
        Assert.Equal("13:00", CallWith(StandardFilters.Date, context, 1705320000L, "%H:%M"));
    }

    [Fact]
    public void Strings_without_an_offset_are_wall_clock_times_in_the_context_zone()
    {
        var context = new TemplateContext { TimeZone = Berlin };
        Assert.Equal("10:00 +0100 1457946000", CallWith(StandardFilters.Date, context, "2016-03-14 10:00", "%H:%M %z %s"));
        Assert.Equal("2016-01-01 +01:00", CallWith(StandardFilters.Date, context, new DateOnly(2016, 1, 1), "%F %:z"));
    }

    [Fact]
    public void Strings_with_an_offset_keep_it_as_ruby_does()
    {
        var context = new TemplateContext { TimeZone = Berlin };
        Assert.Equal("10:00 +0530", CallWith(StandardFilters.Date, context, "2016-03-14T10:00:00+05:30", "%H:%M %z"));
        Assert.Equal("10:00 UTC", CallWith(StandardFilters.Date, context, "2016-03-14 10:00:00 UTC", "%H:%M %Z"));
    }

    [Fact]
    public void A_time_alone_is_today()
    {
        var clock = new FixedClock(new DateTimeOffset(2024, 7, 1, 8, 0, 0, TimeSpan.Zero));
        var context = new TemplateContext { TimeProvider = clock };
        Assert.Equal("2024-07-01 10:30", CallWith(StandardFilters.Date, context, "10:30", "%F %R"));
    }

    [Fact]
    public void The_format_argument_is_required()
    {
        Assert.Throws<LiquidRenderException>(() => Call(StandardFilters.Date, "now"));
    }
}
