using System.Net;
using OrchardPortal.Visits.Models;
using OrchardPortal.Visits.Services;
using OrchardPortal.Visits.Tests.Infrastructure;
using OrchardPortal.Web.Testing;
using static OrchardPortal.Visits.Tests.Infrastructure.VisitsApp;

namespace OrchardPortal.Visits.Tests;

/// <summary>The key visit journeys on PostgreSQL: the schema, day ranges on timestamptz, and the feed token lookup.</summary>
public sealed class PostgresVisitsTests(PostgresVisitsApp host) : IClassFixture<PostgresVisitsApp>
{
    [Fact]
    public async Task Scheduling_delaying_and_the_calendar_feed_work_on_postgres()
    {
        var (tenant, staff) = await host.NewTenantAsync();
        var casey = await host.SignedInCustomerAsync(tenant);
        var day = Day();
        var id = await ScheduleAsync(staff, casey.Customer, "Lawn mowing", day);
        await ScheduleAsync(staff, casey.Customer, "Hedge trimming", day, "14:00", "15:00");

        var delayed = await staff.PostFormAsync(VisitPaths.AdminDelay + "?day=" + Iso(day), [new("day", Iso(day)), new("Message", "Snow storm: tomorrow instead.")]);

        Assert.Equal(HttpStatusCode.Redirect, delayed.StatusCode);
        Assert.Equal(VisitStatus.Delayed, (await host.VisitAsync(tenant, id))!.Status);
        await host.Mail.WaitForMailAsync(m => m.IsFor(casey.Customer.PrimaryEmail!) && m.Subject.Contains("delayed", StringComparison.Ordinal), MailTimeout);
        Assert.Single(await host.OutboxForAsync(tenant, casey.Customer.PrimaryEmail!), m => m.Subject.Contains("delayed", StringComparison.Ordinal));
        Assert.Contains("Snow storm", await casey.Browser.GetStringAsync("/"), StringComparison.Ordinal);

        var calendar = await casey.Browser.PostFormAsync(VisitPaths.Portal, [], VisitPaths.PortalCalendar);
        var url = System.Text.RegularExpressions.Regex.Match(await calendar.Content.ReadAsStringAsync(), @"value=""(https?://[^""]+\.ics)""").Groups[1].Value;
        var feed = await host.App.CreateClient(tenant.Host).GetStringAsync(new Uri(url).PathAndQuery);
        Assert.Contains("STATUS:TENTATIVE", feed, StringComparison.Ordinal);
        Assert.Contains($"UID:visit-{id}@", feed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_customers_visit_is_404_on_postgres()
    {
        var (tenant, staff) = await host.NewTenantAsync();
        var casey = await host.SignedInCustomerAsync(tenant, "Casey");
        var dana = await host.SignedInCustomerAsync(tenant, "Dana");
        var id = await ScheduleAsync(staff, casey.Customer, "Casey mowing", Day());

        Assert.Equal(HttpStatusCode.NotFound, (await dana.Browser.GetAsync(VisitPaths.PortalVisit(id))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await casey.Browser.GetAsync(VisitPaths.PortalVisit(id))).StatusCode);
    }
}
