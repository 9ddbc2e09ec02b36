using System.Net;
using OrchardPortal.Core.Email;
using OrchardPortal.Visits.Models;
using OrchardPortal.Visits.Services;
using OrchardPortal.Visits.Tests.Infrastructure;
using OrchardPortal.Web.Testing;
using static OrchardPortal.Visits.Tests.Infrastructure.VisitsApp;

namespace OrchardPortal.Visits.Tests;

/// <summary>Bulk "delayed" for a day: one message, one email per affected customer, and "Delayed" in the portal.</summary>
public sealed class DelayTests(SqliteVisitsApp host) : IClassFixture<SqliteVisitsApp>
{
    private const string Rain = "Heavy rain today, so we will come tomorrow at the same time. Sorry!";

    [Fact]
    public async Task Delaying_a_day_emails_each_affected_customer_exactly_once_and_nobody_else()
    {
        var (tenant, staff) = await host.NewTenantAsync();
        var ann = await host.CustomerAsync(tenant, "Ann");
        var ben = await host.CustomerAsync(tenant, "Ben");
        var cal = await host.CustomerAsync(tenant, "Cal");
        var day = Day();
        await ScheduleAsync(staff, ann, "Lawn mowing", day, "08:00", "09:00");
        await ScheduleAsync(staff, ann, "Hedge trimming", day, "13:00", "14:00");
        await ScheduleAsync(staff, ben, "Weed control", day, "10:00", "11:00");
        var calVisit = await ScheduleAsync(staff, cal, "Leaf pickup", day.AddDays(1));

        var response = await staff.PostFormAsync(VisitPaths.AdminDelay + "?day=" + Iso(day), [new("day", Iso(day)), new("Message", Rain)]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var annMail = await host.Mail.WaitForMailAsync(m => m.IsFor(ann.PrimaryEmail!), MailTimeout);
        await host.Mail.WaitForMailAsync(m => m.IsFor(ben.PrimaryEmail!), MailTimeout);
        Assert.Contains("Lawn mowing", annMail[0].Text, StringComparison.Ordinal);
        Assert.Contains("Hedge trimming", annMail[0].Text, StringComparison.Ordinal);
        Assert.Contains("Heavy rain today", annMail[0].Text, StringComparison.Ordinal);
        // The outbox is the record of what will ever be sent: one message each, already delivered, none for Cal.
        var annOutbox = Assert.Single(await host.OutboxForAsync(tenant, ann.PrimaryEmail!));
        var benOutbox = Assert.Single(await host.OutboxForAsync(tenant, ben.PrimaryEmail!));
        Assert.Equal(OutboxState.Sent, annOutbox.State);
        Assert.Equal(OutboxState.Sent, benOutbox.State);
        Assert.Empty(await host.OutboxForAsync(tenant, cal.PrimaryEmail!));
        var all = await host.Mail.GetAllAsync();
        Assert.Single(all, m => m.IsFor(ann.PrimaryEmail!));
        Assert.Single(all, m => m.IsFor(ben.PrimaryEmail!));
        Assert.Equal(VisitStatus.Scheduled, (await host.VisitAsync(tenant, calVisit))!.Status);
    }

    [Fact]
    public async Task The_customer_sees_delayed_with_the_message_on_home_and_the_schedule()
    {
        var (tenant, staff) = await host.NewTenantAsync();
        var casey = await host.SignedInCustomerAsync(tenant);
        var day = Day();
        var id = await ScheduleAsync(staff, casey.Customer, "Lawn mowing", day);

        await staff.PostFormAsync(VisitPaths.AdminDelay + "?day=" + Iso(day), [new("day", Iso(day)), new("Message", Rain)]);

        var home = await casey.Browser.GetStringAsync("/");
        var visit = await casey.Browser.GetStringAsync(VisitPaths.PortalVisit(id));
        Assert.Contains("Delayed.", home, StringComparison.Ordinal);
        Assert.Contains("Heavy rain today, so we will come tomorrow", home, StringComparison.Ordinal);
        Assert.Contains("visit-status-delayed", visit, StringComparison.Ordinal);
        Assert.Contains("Heavy rain today", visit, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submitting_the_same_delay_twice_sends_no_second_email()
    {
        var (tenant, staff) = await host.NewTenantAsync();
        var ann = await host.CustomerAsync(tenant, "Ann");
        var day = Day();
        await ScheduleAsync(staff, ann, "Lawn mowing", day);
        var page = VisitPaths.AdminDelay + "?day=" + Iso(day);
        var token = FormPosting.AntiforgeryToken(await staff.GetStringAsync(page));

        await staff.PostFormWithTokenAsync(page, [new("day", Iso(day)), new("Message", Rain)], token);
        var again = await staff.PostFormWithTokenAsync(page, [new("day", Iso(day)), new("Message", Rain)], token);

        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        await host.Mail.WaitForMailAsync(m => m.IsFor(ann.PrimaryEmail!), MailTimeout);
        Assert.Single(await host.OutboxForAsync(tenant, ann.PrimaryEmail!));
    }

    [Fact]
    public async Task A_delay_without_a_message_is_refused_and_nothing_changes()
    {
        var (tenant, staff) = await host.NewTenantAsync();
        var ann = await host.CustomerAsync(tenant, "Ann");
        var day = Day();
        var id = await ScheduleAsync(staff, ann, "Lawn mowing", day);

        var response = await staff.PostFormAsync(VisitPaths.AdminDelay + "?day=" + Iso(day), [new("day", Iso(day)), new("Message", "   ")]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Write the message your customers will read", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(VisitStatus.Scheduled, (await host.VisitAsync(tenant, id))!.Status);
        Assert.Empty(await host.OutboxForAsync(tenant, ann.PrimaryEmail!));
    }

    [Fact]
    public async Task The_confirmation_names_customers_without_an_email_address()
    {
        var (tenant, staff) = await host.NewTenantAsync();
        var noEmail = await host.CustomerAsync(tenant, "Nadia", "Nomail", withEmail: false);
        var day = Day();
        var id = await ScheduleAsync(staff, noEmail, "Lawn mowing", day);

        var page = await staff.GetStringAsync(VisitPaths.AdminDelay + "?day=" + Iso(day));
        var response = await staff.PostFormAsync(VisitPaths.AdminDelay + "?day=" + Iso(day), [new("day", Iso(day)), new("Message", Rain)]);
        var schedule = await staff.GetStringAsync(response.Headers.Location!.OriginalString);

        Assert.Contains("no email address", page, StringComparison.Ordinal);
        Assert.Contains("No email address for Nadia Nomail", WebUtility.HtmlDecode(schedule), StringComparison.Ordinal);
        Assert.Equal(VisitStatus.Delayed, (await host.VisitAsync(tenant, id))!.Status);
    }
}
