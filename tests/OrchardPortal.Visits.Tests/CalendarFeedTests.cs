using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using OrchardPortal.Portal.Models;
using OrchardPortal.Visits.Services;
using OrchardPortal.Visits.Tests.Infrastructure;
using OrchardPortal.Web.Testing;
using static OrchardPortal.Visits.Tests.Infrastructure.VisitsApp;

namespace OrchardPortal.Visits.Tests;

/// <summary>The private .ics address: valid iCalendar, shown once, revocable, and useless anywhere else.</summary>
public sealed partial class CalendarFeedTests(SqliteVisitsApp host) : IClassFixture<SqliteVisitsApp>
{
    [Fact]
    public async Task The_feed_is_valid_icalendar_listing_upcoming_visits_in_utc_with_stable_uids()
    {
        var (tenant, staff) = await host.NewTenantAsync();
        var casey = await host.SignedInCustomerAsync(tenant);
        var day = Day();
        var id = await ScheduleAsync(staff, casey.Customer, "Mowing, edging; and \\ blowing", day, "08:00", "10:00",
            customerNotes: "Line one\nLine two with a long sentence that certainly goes past seventy-five octets — with “curly” quotes and ünïcödé.");
        var url = await CalendarUrlAsync(casey.Browser);

        var response = await host.App.CreateClient(tenant.Host).GetAsync(new Uri(url).PathAndQuery);
        var again = await host.App.CreateClient(tenant.Host).GetStringAsync(new Uri(url).PathAndQuery);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType.CharSet);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var raw = Encoding.UTF8.GetString(bytes);
        Assert.EndsWith("\r\n", raw, StringComparison.Ordinal);
        Assert.DoesNotMatch(BareLineFeed(), raw);
        var physical = raw[..^2].Split("\r\n");
        Assert.All(physical, line => Assert.True(Encoding.UTF8.GetByteCount(line) <= 75, $"Line longer than 75 octets: {line}"));
        Assert.Contains(physical, line => line.StartsWith(' '));
        var lines = Unfold(raw);
        Assert.Equal("BEGIN:VCALENDAR", lines[0]);
        Assert.Equal("END:VCALENDAR", lines[^1]);
        Assert.Contains("VERSION:2.0", lines);
        Assert.Contains(lines, l => l.StartsWith("PRODID:", StringComparison.Ordinal));
        var uid = Assert.Single(lines, l => l.StartsWith("UID:", StringComparison.Ordinal));
        Assert.Equal($"UID:visit-{id}@{tenant.Host}", uid);
        Assert.Contains(uid, Unfold(again));
        Assert.Contains(lines, l => DateStamp().IsMatch(l));
        var zone = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
        var start = TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(new TimeOnly(8, 0)), zone);
        Assert.Contains($"DTSTART:{start:yyyyMMdd'T'HHmmss'Z'}", lines);
        Assert.Contains($"DTEND:{start.AddHours(2):yyyyMMdd'T'HHmmss'Z'}", lines);
        Assert.Contains(lines, l => l.StartsWith(@"SUMMARY:Mowing\, edging\; and \\ blowing", StringComparison.Ordinal));
        Assert.Contains(@"LOCATION:Home — 418 Birchwood Lane\, Maple Hollow\, IL\, 60510", lines);
        Assert.Contains(lines, l => l.StartsWith(@"DESCRIPTION:Line one\nLine two with a long sentence", StringComparison.Ordinal) && l.Contains("ünïcödé", StringComparison.Ordinal));
        Assert.Contains("STATUS:CONFIRMED", lines);
        Assert.Equal(lines.Count(l => l == "BEGIN:VEVENT"), lines.Count(l => l == "END:VEVENT"));
    }

    [Fact]
    public async Task The_address_is_shown_once_and_resetting_revokes_the_old_one()
    {
        var (tenant, staff) = await host.NewTenantAsync();
        var casey = await host.SignedInCustomerAsync(tenant);
        await ScheduleAsync(staff, casey.Customer, "Lawn mowing", Day());
        var first = await CalendarUrlAsync(casey.Browser);
        var later = await casey.Browser.GetStringAsync(VisitPaths.Portal);

        Assert.DoesNotContain(first, later, StringComparison.Ordinal);
        Assert.Contains("Reset link", later, StringComparison.Ordinal);

        var second = await CalendarUrlAsync(casey.Browser);
        var calendarApp = host.App.CreateClient(tenant.Host);

        Assert.NotEqual(first, second);
        Assert.Equal(HttpStatusCode.NotFound, (await calendarApp.GetAsync(new Uri(first).PathAndQuery)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await calendarApp.GetAsync(new Uri(second).PathAndQuery)).StatusCode);
    }

    [Fact]
    public async Task A_token_from_another_tenant_or_an_unknown_one_is_404()
    {
        var (tenantA, staffA) = await host.NewTenantAsync();
        var casey = await host.SignedInCustomerAsync(tenantA);
        await ScheduleAsync(staffA, casey.Customer, "Tenant A mowing", Day());
        var url = await CalendarUrlAsync(casey.Browser);
        var (tenantB, _) = await host.NewTenantAsync();

        var onB = await host.App.CreateClient(tenantB.Host).GetAsync(new Uri(url).PathAndQuery);
        var unknown = await host.App.CreateClient(tenantA.Host).GetAsync(VisitPaths.CalendarFeed("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"));
        var garbage = await host.App.CreateClient(tenantA.Host).GetAsync(VisitPaths.CalendarFeed("not-a-token"));

        Assert.Equal(HttpStatusCode.NotFound, onB.StatusCode);
        Assert.DoesNotContain("Tenant A mowing", await onB.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, garbage.StatusCode);
    }

    [Fact]
    public async Task Switching_the_schedule_tab_off_closes_the_feed()
    {
        var (tenant, staff) = await host.NewTenantAsync();
        var casey = await host.SignedInCustomerAsync(tenant);
        await ScheduleAsync(staff, casey.Customer, "Lawn mowing", Day());
        var url = await CalendarUrlAsync(casey.Browser);

        await host.SetPortalSettingsAsync(tenant, s => s.EnabledTabs.Remove(PortalTabs.Schedule.Key));

        Assert.Equal(HttpStatusCode.NotFound, (await host.App.CreateClient(tenant.Host).GetAsync(new Uri(url).PathAndQuery)).StatusCode);
    }

    [Fact]
    public async Task Another_customers_feed_never_lists_my_visits()
    {
        var (tenant, staff) = await host.NewTenantAsync();
        var casey = await host.SignedInCustomerAsync(tenant, "Casey");
        var dana = await host.SignedInCustomerAsync(tenant, "Dana");
        await ScheduleAsync(staff, casey.Customer, "Casey only mowing", Day());
        var danaUrl = await CalendarUrlAsync(dana.Browser);

        var feed = await host.App.CreateClient(tenant.Host).GetStringAsync(new Uri(danaUrl).PathAndQuery);

        Assert.DoesNotContain("Casey only mowing", feed, StringComparison.Ordinal);
        Assert.DoesNotContain("BEGIN:VEVENT", feed, StringComparison.Ordinal);
    }

    /// <summary>Presses "Get my calendar link" / "Reset link" and reads the address the page shows once.</summary>
    private static async Task<string> CalendarUrlAsync(HttpClient customer)
    {
        var response = await customer.PostFormAsync(VisitPaths.Portal, [], VisitPaths.PortalCalendar);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var match = CalendarUrl().Match(await response.Content.ReadAsStringAsync());
        Assert.True(match.Success, "The page shows no calendar address.");
        return match.Groups[1].Value;
    }

    // RFC 5545 §3.1: a line starting with a space continues the previous one.
    private static List<string> Unfold(string raw) =>
        [.. raw.Replace("\r\n ", "", StringComparison.Ordinal).Split("\r\n", StringSplitOptions.RemoveEmptyEntries)];

    [GeneratedRegex(@"id=""calendar-url""[^>]*value=""(https?://[^""]+\.ics)""")]
    private static partial Regex CalendarUrl();

    [GeneratedRegex(@"(?<!\r)\n")]
    private static partial Regex BareLineFeed();

    [GeneratedRegex(@"^DTSTAMP:\d{8}T\d{6}Z$")]
    private static partial Regex DateStamp();
}
