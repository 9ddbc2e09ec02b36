using System.Net;
using Microsoft.Extensions.DependencyInjection;
using OrchardPortal.Visits.Models;
using OrchardPortal.Visits.Services;
using OrchardPortal.Visits.Tests.Infrastructure;
using OrchardPortal.Web.Testing;
using static OrchardPortal.Visits.Tests.Infrastructure.VisitsApp;

namespace OrchardPortal.Visits.Tests;

/// <summary>A customer asks to reschedule or skip; staff decide; the customer is told and sees the outcome.</summary>
public sealed class ChangeRequestTests(SqliteVisitsApp host) : IClassFixture<SqliteVisitsApp>
{
    [Fact]
    public async Task A_reschedule_request_reaches_the_office_and_approval_moves_the_visit_and_tells_the_customer()
    {
        var (tenant, staff) = await host.NewTenantAsync();
        var casey = await host.SignedInCustomerAsync(tenant);
        var id = await ScheduleAsync(staff, casey.Customer, "Lawn mowing", Day());

        var asked = await casey.Browser.PostFormAsync(VisitPaths.PortalVisit(id), [new("PreferredDates", "Any weekday morning next week"), new("Notes", "We're away Tuesday")], VisitPaths.PortalReschedule(id));

        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        var page = await casey.Browser.GetStringAsync(asked.Headers.Location!.OriginalString);
        Assert.Contains("we’ve got your request", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Ask to skip", page, StringComparison.Ordinal);
        var request = Assert.Single(await host.ChangeRequestsAsync(tenant));
        Assert.Equal(VisitChangeStatus.Pending, request.Status);
        var office = await host.InTenantAsync(tenant, async sp => (await sp.GetRequiredService<Portal.Services.PortalSettingsService>().GetAsync(CancellationToken.None)).NotificationEmails[0]);
        var officeMail = await host.Mail.WaitForMailAsync(m => m.IsFor(office), MailTimeout);
        Assert.Contains("Any weekday morning next week", officeMail[0].Text, StringComparison.Ordinal);

        var newDay = Day(9);
        var approved = await staff.PostFormAsync(VisitPaths.AdminRequest(request.Id), [new("Date", Iso(newDay)), new("StartTime", "09:00"), new("EndTime", "11:00")],
            VisitPaths.AdminRequest(request.Id) + "?handler=Approve");

        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        var mail = await host.Mail.WaitForMailAsync(m => m.IsFor(casey.Customer.PrimaryEmail!) && m.Subject.Contains("new date", StringComparison.Ordinal), MailTimeout);
        Assert.Contains("9:00 AM – 11:00 AM", mail[0].Text, StringComparison.Ordinal);
        var visitPage = await casey.Browser.GetStringAsync(VisitPaths.PortalVisit(id));
        Assert.Contains("We agreed to reschedule this visit", visitPage, StringComparison.Ordinal);
        Assert.Contains("9:00 AM – 11:00 AM", visitPage, StringComparison.Ordinal);
        Assert.Contains("Lawn mowing", await staff.GetStringAsync(VisitPaths.AdminDay(newDay)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_declined_skip_keeps_the_visit_and_the_customer_reads_the_reason()
    {
        var (tenant, staff) = await host.NewTenantAsync();
        var casey = await host.SignedInCustomerAsync(tenant);
        var id = await ScheduleAsync(staff, casey.Customer, "Pest treatment", Day());
        await casey.Browser.PostFormAsync(VisitPaths.PortalVisit(id), [new("Notes", "Going on holiday")], VisitPaths.PortalSkip(id));
        var request = Assert.Single(await host.ChangeRequestsAsync(tenant));

        var declined = await staff.PostFormAsync(VisitPaths.AdminRequest(request.Id), [new("Reason", "The treatment must be every 30 days to work.")],
            VisitPaths.AdminRequest(request.Id) + "?handler=Decline");

        Assert.Equal(HttpStatusCode.Redirect, declined.StatusCode);
        var mail = await host.Mail.WaitForMailAsync(m => m.IsFor(casey.Customer.PrimaryEmail!) && m.Subject.Contains("request to skip", StringComparison.Ordinal), MailTimeout);
        Assert.Contains("The treatment must be every 30 days to work.", mail[0].Text, StringComparison.Ordinal);
        Assert.Equal(VisitStatus.Scheduled, (await host.VisitAsync(tenant, id))!.Status);
        var page = await casey.Browser.GetStringAsync(VisitPaths.PortalVisit(id));
        Assert.Contains("We couldn’t skip this visit", page, StringComparison.Ordinal);
        Assert.Contains("The treatment must be every 30 days to work.", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_approved_skip_marks_the_visit_skipped()
    {
        var (tenant, staff) = await host.NewTenantAsync();
        var casey = await host.SignedInCustomerAsync(tenant);
        var id = await ScheduleAsync(staff, casey.Customer, "Lawn mowing", Day());
        await casey.Browser.PostFormAsync(VisitPaths.PortalVisit(id), [new("Notes", "")], VisitPaths.PortalSkip(id));
        var request = Assert.Single(await host.ChangeRequestsAsync(tenant));

        var approved = await staff.PostFormAsync(VisitPaths.AdminRequest(request.Id), [], VisitPaths.AdminRequest(request.Id) + "?handler=Approve");

        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        Assert.Equal(VisitStatus.Skipped, (await host.VisitAsync(tenant, id))!.Status);
        Assert.DoesNotContain("Your next visit", await casey.Browser.GetStringAsync("/"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reschedule_without_preferred_dates_says_what_to_add_and_stores_nothing()
    {
        var (tenant, staff) = await host.NewTenantAsync();
        var casey = await host.SignedInCustomerAsync(tenant);
        var id = await ScheduleAsync(staff, casey.Customer, "Lawn mowing", Day());

        var response = await casey.Browser.PostFormAsync(VisitPaths.PortalVisit(id), [new("PreferredDates", " "), new("Notes", "")], VisitPaths.PortalReschedule(id));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("Tell us which days or times would suit you better", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(await host.ChangeRequestsAsync(tenant));
    }

    [Fact]
    public async Task A_second_request_while_one_is_pending_is_refused()
    {
        var (tenant, staff) = await host.NewTenantAsync();
        var casey = await host.SignedInCustomerAsync(tenant);
        var id = await ScheduleAsync(staff, casey.Customer, "Lawn mowing", Day());
        var token = FormPosting.AntiforgeryToken(await casey.Browser.GetStringAsync(VisitPaths.PortalVisit(id)));
        await casey.Browser.PostFormWithTokenAsync(VisitPaths.PortalSkip(id), [new("Notes", "")], token);

        var second = await casey.Browser.PostFormWithTokenAsync(VisitPaths.PortalReschedule(id), [new("PreferredDates", "Friday")], token);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, second.StatusCode);
        Assert.Contains("You already asked us about this visit.", await second.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Single(await host.ChangeRequestsAsync(tenant));
    }

    [Fact]
    public async Task A_request_post_without_its_antiforgery_token_changes_nothing()
    {
        var (tenant, staff) = await host.NewTenantAsync();
        var casey = await host.SignedInCustomerAsync(tenant);
        var id = await ScheduleAsync(staff, casey.Customer, "Lawn mowing", Day());

        var response = await casey.Browser.PostFormWithTokenAsync(VisitPaths.PortalSkip(id), [new("Notes", "")], token: null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("This form had expired.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(await host.ChangeRequestsAsync(tenant));
    }

    [Fact]
    public async Task Deciding_a_request_twice_says_it_was_already_decided()
    {
        var (tenant, staff) = await host.NewTenantAsync();
        var casey = await host.SignedInCustomerAsync(tenant);
        var id = await ScheduleAsync(staff, casey.Customer, "Lawn mowing", Day());
        await casey.Browser.PostFormAsync(VisitPaths.PortalVisit(id), [new("Notes", "")], VisitPaths.PortalSkip(id));
        var request = Assert.Single(await host.ChangeRequestsAsync(tenant));
        var token = FormPosting.AntiforgeryToken(await staff.GetStringAsync(VisitPaths.AdminRequest(request.Id)));
        await staff.PostFormWithTokenAsync(VisitPaths.AdminRequest(request.Id) + "?handler=Decline", [new("Reason", "Not this time.")], token);

        var again = await staff.PostFormWithTokenAsync(VisitPaths.AdminRequest(request.Id) + "?handler=Approve", [], token);

        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("This request was already decided.", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(VisitStatus.Scheduled, (await host.VisitAsync(tenant, id))!.Status);
        Assert.Equal(VisitChangeStatus.Declined, Assert.Single(await host.ChangeRequestsAsync(tenant)).Status);
    }
}
