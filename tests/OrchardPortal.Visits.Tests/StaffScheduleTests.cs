using System.Net;
using OrchardPortal.Visits.Models;
using OrchardPortal.Visits.Services;
using OrchardPortal.Visits.Tests.Infrastructure;
using OrchardPortal.Web.Testing;
using static OrchardPortal.Visits.Tests.Infrastructure.VisitsApp;

namespace OrchardPortal.Visits.Tests;

/// <summary>Staff schedule, edit and work through visits in the admin; every mistake is a message and changes nothing.</summary>
public sealed class StaffScheduleTests(SqliteVisitsApp host) : IClassFixture<SqliteVisitsApp>
{
    [Fact]
    public async Task A_scheduled_visit_appears_on_its_day_in_the_companys_time_with_its_property()
    {
        var (tenant, staff) = await host.NewTenantAsync();
        var customer = await host.CustomerAsync(tenant, "Priya", "Natarajan");
        var day = Day();

        var id = await ScheduleAsync(staff, customer, "Spring clean-up", day, "09:30", "11:00", crewNotes: "Gate code 4512");

        var visit = await host.VisitAsync(tenant, id);
        Assert.NotNull(visit);
        Assert.Equal(VisitStatus.Scheduled, visit.Status);
        Assert.Equal("Home — 418 Birchwood Lane, Maple Hollow, IL, 60510", visit.Location);
        // The default recipe puts the company in America/New_York: 9:30 there is 13:30 or 14:30 UTC.
        var zone = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
        Assert.Equal(new TimeOnly(9, 30), TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(visit.WindowStartUtc, zone).DateTime));
        var page = await staff.GetStringAsync(VisitPaths.AdminDay(day));
        Assert.Contains("Spring clean-up", page, StringComparison.Ordinal);
        Assert.Contains("9:30 AM – 11:00 AM", page, StringComparison.Ordinal);
        Assert.Contains("Priya Natarajan", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Spring clean-up", await staff.GetStringAsync(VisitPaths.AdminDay(day.AddDays(1))), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "2030-01-01", "08:00", "10:00", "Say what service the visit is for")]
    [InlineData("Mowing", "", "08:00", "10:00", "Enter the date of the visit.")]
    [InlineData("Mowing", "01/02/2030", "08:00", "10:00", "Enter the date as YYYY-MM-DD")]
    [InlineData("Mowing", "2030-01-01", "10:00", "08:00", "The window must end after it starts.")]
    [InlineData("Mowing", "2030-01-01", "", "10:00", "Enter the time the window starts")]
    public async Task An_invalid_visit_form_says_what_is_wrong_and_stores_nothing(string service, string date, string from, string to, string message)
    {
        var (tenant, staff) = await host.NewTenantAsync();
        var customer = await host.CustomerAsync(tenant);

        var response = await staff.PostFormAsync(VisitPaths.AdminNew, VisitFields(customer.AccountNumber, service, date, from, to));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(WebUtility.HtmlEncode(message), await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await host.VisitCountAsync(tenant));
    }

    [Fact]
    public async Task An_unknown_account_number_is_a_message_on_the_customer_field()
    {
        var (tenant, staff) = await host.NewTenantAsync();

        var response = await staff.PostFormAsync(VisitPaths.AdminNew, VisitFields("NOPE-404", "Mowing", Iso(Day()), "08:00", "10:00"));

        // Razor encodes the curly quotes as character references, so compare the decoded page text.
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("No customer has the account number “NOPE-404”.", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(0, await host.VisitCountAsync(tenant));
    }

    [Fact]
    public async Task Starting_then_completing_records_when_the_crew_started_and_finished()
    {
        var (tenant, staff) = await host.NewTenantAsync();
        var customer = await host.CustomerAsync(tenant);
        var id = await ScheduleAsync(staff, customer, "Lawn mowing", Day());

        Assert.Equal(HttpStatusCode.Redirect, (await StaffActAsync(staff, id, "Start")).StatusCode);
        var started = await host.VisitAsync(tenant, id);
        Assert.Equal(VisitStatus.InProgress, started!.Status);
        Assert.NotNull(started.StartedUtc);

        var completed = await StaffActAsync(staff, id, "Complete");

        Assert.Equal(HttpStatusCode.Redirect, completed.StatusCode);
        var visit = await host.VisitAsync(tenant, id);
        Assert.Equal(VisitStatus.Completed, visit!.Status);
        Assert.NotNull(visit.CompletedUtc);
        Assert.True(visit.CompletedUtc >= visit.StartedUtc);
    }

    [Fact]
    public async Task Completing_with_a_finish_before_the_start_is_refused_and_changes_nothing()
    {
        var (tenant, staff) = await host.NewTenantAsync();
        var customer = await host.CustomerAsync(tenant);
        var id = await ScheduleAsync(staff, customer, "Lawn mowing", Day());

        var response = await StaffActAsync(staff, id, "Complete", new("StartedAt", "2026-01-02T10:00"), new("FinishedAt", "2026-01-02T09:00"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("The finish time must be after the start time.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(VisitStatus.Scheduled, (await host.VisitAsync(tenant, id))!.Status);
    }

    [Fact]
    public async Task A_cancelled_visit_cannot_be_started_and_the_page_says_why()
    {
        var (tenant, staff) = await host.NewTenantAsync();
        var customer = await host.CustomerAsync(tenant);
        var id = await ScheduleAsync(staff, customer, "Hedge trimming", Day());
        Assert.Equal(HttpStatusCode.Redirect, (await StaffActAsync(staff, id, "Cancel")).StatusCode);

        var response = await staff.PostFormWithTokenAsync(VisitPaths.AdminDetails(id) + "?handler=Start", [],
            FormPosting.AntiforgeryToken(await staff.GetStringAsync(VisitPaths.AdminDetails(id))));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("This visit is cancelled, so it can’t be started.", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(VisitStatus.Cancelled, (await host.VisitAsync(tenant, id))!.Status);
    }

    [Fact]
    public async Task Editing_moves_the_visit_and_keeps_its_status()
    {
        var (tenant, staff) = await host.NewTenantAsync();
        var customer = await host.CustomerAsync(tenant);
        var id = await ScheduleAsync(staff, customer, "Lawn mowing", Day());
        var newDay = Day(5);

        var response = await staff.PostFormAsync(VisitPaths.AdminEdit(id), VisitFields(customer.AccountNumber, "Lawn mowing and edging", Iso(newDay), "13:00", "15:00"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("Lawn mowing and edging", await staff.GetStringAsync(VisitPaths.AdminDay(newDay)), StringComparison.Ordinal);
        Assert.Equal(VisitStatus.Scheduled, (await host.VisitAsync(tenant, id))!.Status);
    }

    [Fact]
    public async Task Another_tenants_visit_is_404_in_the_admin_and_its_buttons_change_nothing()
    {
        var (tenantA, staffA) = await host.NewTenantAsync();
        var customer = await host.CustomerAsync(tenantA);
        var id = await ScheduleAsync(staffA, customer, "Lawn mowing", Day());
        var (_, staffB) = await host.NewTenantAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await staffB.GetAsync(VisitPaths.AdminDetails(id))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await staffB.GetAsync(VisitPaths.AdminEdit(id))).StatusCode);
        var token = FormPosting.AntiforgeryToken(await staffB.GetStringAsync(VisitPaths.AdminNew));
        var cancel = await staffB.PostFormWithTokenAsync(VisitPaths.AdminDetails(id) + "?handler=Cancel", [], token);

        Assert.Equal(HttpStatusCode.NotFound, cancel.StatusCode);
        Assert.Equal(VisitStatus.Scheduled, (await host.VisitAsync(tenantA, id))!.Status);
    }

    [Fact]
    public async Task The_schedule_needs_staff()
    {
        var (tenant, _) = await host.NewTenantAsync();
        var visitor = host.App.CreateClient(tenant.Host);

        var response = await visitor.GetAsync(VisitPaths.Admin);

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
    }
}
