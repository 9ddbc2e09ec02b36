using System.Net;
using OrchardPortal.Portal.Models;
using OrchardPortal.Visits.Services;
using OrchardPortal.Visits.Tests.Infrastructure;
using OrchardPortal.Web.Testing;
using static OrchardPortal.Visits.Tests.Infrastructure.VisitsApp;

namespace OrchardPortal.Visits.Tests;

/// <summary>What customers see of their visits: next visit on Home, the Schedule tab, a visit page, and completed work in History.</summary>
public sealed class PortalVisitsTests(SqliteVisitsApp host) : IClassFixture<SqliteVisitsApp>
{
    [Fact]
    public async Task Home_shows_the_next_visit_and_the_schedule_lists_every_upcoming_one_earliest_first()
    {
        var (tenant, staff) = await host.NewTenantAsync();
        var casey = await host.SignedInCustomerAsync(tenant);
        await ScheduleAsync(staff, casey.Customer, "Aeration", Day(6));
        await ScheduleAsync(staff, casey.Customer, "Spring clean-up", Day(2), "07:45", "09:15", customerNotes: "Please leave the side gate unlocked.");

        var home = await casey.Browser.GetStringAsync("/");
        var schedule = await casey.Browser.GetStringAsync(VisitPaths.Portal);

        Assert.Contains("Your next visit", home, StringComparison.Ordinal);
        Assert.Contains("Spring clean-up", home, StringComparison.Ordinal);
        Assert.Contains("7:45 AM – 9:15 AM", home, StringComparison.Ordinal);
        Assert.DoesNotContain("Aeration", home, StringComparison.Ordinal);
        Assert.True(schedule.IndexOf("Spring clean-up", StringComparison.Ordinal) < schedule.IndexOf("Aeration", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Crew_notes_never_reach_the_customer_but_their_own_notes_do()
    {
        var (tenant, staff) = await host.NewTenantAsync();
        var casey = await host.SignedInCustomerAsync(tenant);
        var id = await ScheduleAsync(staff, casey.Customer, "Pest treatment", Day(), crewNotes: "Customer is difficult, bring the manager", customerNotes: "Keep pets inside for two hours.");

        var page = await casey.Browser.GetStringAsync(VisitPaths.PortalVisit(id));
        var schedule = await casey.Browser.GetStringAsync(VisitPaths.Portal);
        var feedlessHome = await casey.Browser.GetStringAsync("/");

        Assert.Contains("Keep pets inside for two hours.", page, StringComparison.Ordinal);
        Assert.All(new[] { page, schedule, feedlessHome }, html => Assert.DoesNotContain("bring the manager", html, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Completed_work_is_in_History_with_its_start_and_finish_times()
    {
        var (tenant, staff) = await host.NewTenantAsync();
        var casey = await host.SignedInCustomerAsync(tenant);
        var id = await ScheduleAsync(staff, casey.Customer, "Gutter cleaning", Day());
        await StaffActAsync(staff, id, "Complete", new("StartedAt", "2026-03-04T08:05"), new("FinishedAt", "2026-03-04T09:40"));

        var history = await casey.Browser.GetStringAsync(PortalTabs.History.Path);
        var schedule = await casey.Browser.GetStringAsync(VisitPaths.Portal);

        Assert.Contains("Completed visits", history, StringComparison.Ordinal);
        Assert.Contains("Gutter cleaning", history, StringComparison.Ordinal);
        Assert.Contains("Mar 4, 2026 at 8:05 AM", history, StringComparison.Ordinal);
        Assert.Contains("Mar 4, 2026 at 9:40 AM", history, StringComparison.Ordinal);
        Assert.DoesNotContain("Your next visit", schedule, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_customers_visit_is_a_themed_404_on_every_visit_url_and_nothing_is_stored()
    {
        var (tenant, staff) = await host.NewTenantAsync();
        var casey = await host.SignedInCustomerAsync(tenant, "Casey");
        var dana = await host.SignedInCustomerAsync(tenant, "Dana");
        var id = await ScheduleAsync(staff, casey.Customer, "Casey private mowing", Day());
        var token = FormPosting.AntiforgeryToken(await dana.Browser.GetStringAsync(VisitPaths.Portal));

        var page = await dana.Browser.GetAsync(VisitPaths.PortalVisit(id));
        var reschedule = await dana.Browser.PostFormWithTokenAsync(VisitPaths.PortalReschedule(id), [new("PreferredDates", "Friday")], token);
        var skip = await dana.Browser.PostFormWithTokenAsync(VisitPaths.PortalSkip(id), [new("Notes", "skip it")], token);

        Assert.All(new[] { page, reschedule, skip }, r => Assert.Equal(HttpStatusCode.NotFound, r.StatusCode));
        Assert.Contains("Page not found", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("Casey private mowing", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("Casey private mowing", await dana.Browser.GetStringAsync(VisitPaths.Portal), StringComparison.Ordinal);
        Assert.Empty(await host.ChangeRequestsAsync(tenant));
    }

    [Fact]
    public async Task A_visit_id_from_another_tenant_is_404_for_that_tenants_customers()
    {
        var (tenantA, staffA) = await host.NewTenantAsync();
        var casey = await host.SignedInCustomerAsync(tenantA);
        // Each tenant has its own database and ids start at 1 in each, so tenant A's first id is also Olive's own
        // visit in tenant B. Use an id that exists only in tenant A: its second visit.
        await ScheduleAsync(staffA, casey.Customer, "Tenant A edging", Day());
        var id = await ScheduleAsync(staffA, casey.Customer, "Tenant A mowing", Day());
        var (tenantB, staffB) = await host.NewTenantAsync();
        var olive = await host.SignedInCustomerAsync(tenantB, "Olive");
        var oliveVisit = await ScheduleAsync(staffB, olive.Customer, "Tenant B mowing", Day());
        Assert.NotEqual(oliveVisit, id);

        var response = await olive.Browser.GetAsync(VisitPaths.PortalVisit(id));
        var own = await olive.Browser.GetAsync(VisitPaths.PortalVisit(oliveVisit));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.DoesNotContain("Tenant A mowing", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_the_schedule_tab_off_its_pages_are_404_and_home_shows_no_visit()
    {
        var (tenant, staff) = await host.NewTenantAsync();
        var casey = await host.SignedInCustomerAsync(tenant);
        var id = await ScheduleAsync(staff, casey.Customer, "Window washing", Day());
        var token = FormPosting.AntiforgeryToken(await casey.Browser.GetStringAsync(VisitPaths.PortalVisit(id)));

        await host.SetPortalSettingsAsync(tenant, s => s.EnabledTabs.Remove(PortalTabs.Schedule.Key));

        Assert.Equal(HttpStatusCode.NotFound, (await casey.Browser.GetAsync(VisitPaths.Portal)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await casey.Browser.GetAsync(VisitPaths.PortalVisit(id))).StatusCode);
        var post = await casey.Browser.PostFormWithTokenAsync(VisitPaths.PortalSkip(id), [new("Notes", "x")], token);
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.DoesNotContain("Window washing", await casey.Browser.GetStringAsync("/"), StringComparison.Ordinal);
        Assert.Empty(await host.ChangeRequestsAsync(tenant));
    }

    [Fact]
    public async Task A_visitor_is_asked_to_sign_in_and_sees_no_visit()
    {
        var (tenant, staff) = await host.NewTenantAsync();
        var casey = await host.SignedInCustomerAsync(tenant);
        var id = await ScheduleAsync(staff, casey.Customer, "Snow removal", Day());
        var visitor = host.App.CreateClient(tenant.Host);

        var page = await visitor.GetAsync(VisitPaths.PortalVisit(id));
        var body = await page.Content.ReadAsStringAsync();

        Assert.Contains("Sign in", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Snow removal", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Snow removal", await visitor.GetStringAsync("/"), StringComparison.Ordinal);
    }
}
