using System.Net;
using OrchardPortal.Web.Testing;

namespace OrchardPortal.PortalUsers.Tests;

/// <summary>"Manage portal users": the list, its "without an account" switch, and bulk invitations and password resets.</summary>
public sealed class AdminManagePortalUsersTests(AdminTestHost host) : IClassFixture<AdminTestHost>
{
    [Fact]
    public async Task A_bulk_invitation_of_30_customers_sends_27_emails_and_names_the_3_without_an_email()
    {
        var (tenant, staff) = await host.NewTenantAsync();
        var batch = Guid.NewGuid().ToString("N")[..6];
        var people = Enumerable.Range(1, 30).Select(i => AdminTestHost.Person(
            $"Bulk{i:D2}", $"Customer{batch}", i % 10 == 0 ? null : $"bulk{i:D2}.{batch}@example.com")).ToArray();
        await host.ImportAsync(tenant, people);
        var list = await AdminTestHost.PageAsync(staff, "/admin/portal-users?without=true&q=" + batch);
        Assert.Contains("Showing 1–30 of 30 customers without a portal account", list.QuerySelector(".result-count")!.TextContent, StringComparison.Ordinal);

        var response = await staff.PostFormAsync("/admin/portal-users?without=true&q=" + batch,
            [new("q", batch), new("without", "true"), new("scope", "all"), new("send", "invite")], "/admin/portal-users?handler=Bulk");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var summary = (await AdminTestHost.PageAsync(staff, response.Headers.Location!.OriginalString)).QuerySelector(".notice-success")!.TextContent;
        Assert.StartsWith("27 registration links queued", summary, StringComparison.Ordinal);
        Assert.Contains("3 customers skipped", summary, StringComparison.Ordinal);
        foreach (var skipped in new[] { "Bulk10", "Bulk20", "Bulk30" })
        {
            Assert.Contains($"{skipped} Customer{batch}", summary, StringComparison.Ordinal);
        }

        var expected = people.Where(p => p.Emails.Count > 0).Select(p => p.Emails[0].Address!).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var mails = await WaitForMailsAsync(m => expected.Any(m.IsFor), expected.Count);
        Assert.Equal(27, mails.Count);
        Assert.Equal(expected.Order(), mails.Select(m => m.To.Single().ToLowerInvariant()).Order());
        Assert.All(mails, m => Assert.Contains("/activate/", m.Text, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_list_shows_customers_with_an_account_and_the_switch_shows_those_without_one()
    {
        var (tenant, staff) = await host.NewTenantAsync();
        var (invited, waiting) = (AdminTestHost.Unique("ada"), AdminTestHost.Unique("bo"));
        var ids = await host.ImportAsync(tenant, AdminTestHost.Person("Ada", "Invited", invited), AdminTestHost.Person("Bo", "Waiting", waiting));
        Assert.Equal(HttpStatusCode.Redirect, (await AdminTestHost.SendRegistrationLinkAsync(staff, ids[0])).StatusCode);

        var withAccount = await AdminTestHost.PageAsync(staff, "/admin/portal-users");
        var without = await AdminTestHost.PageAsync(staff, "/admin/portal-users?without=true");

        Assert.Equal(["Ada Invited"], Names(withAccount));
        Assert.Contains(invited, withAccount.QuerySelector("table.portal-users tbody")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Invited", withAccount.QuerySelector("table.portal-users tbody .badge")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(["Bo Waiting"], Names(without));
        Assert.NotNull(without.QuerySelector("input[name=without][checked]"));
        Assert.NotNull(withAccount.QuerySelector("a[href='/admin/portal-users'][aria-current=page]"));
    }

    [Fact]
    public async Task A_bulk_password_reset_emails_the_activated_users_and_lists_the_customer_who_never_activated()
    {
        var (tenant, staff) = await host.NewTenantAsync();
        var (one, two, pending) = (AdminTestHost.Unique("uma"), AdminTestHost.Unique("vic"), AdminTestHost.Unique("wes"));
        var ids = await host.ImportAsync(tenant,
            AdminTestHost.Person("Uma", "Reset", one), AdminTestHost.Person("Vic", "Reset", two), AdminTestHost.Person("Wes", "Pending", pending));
        await host.InviteAndActivateAsync(tenant, staff, ids[0], one);
        await host.InviteAndActivateAsync(tenant, staff, ids[1], two);
        Assert.Equal(HttpStatusCode.Redirect, (await AdminTestHost.SendRegistrationLinkAsync(staff, ids[2])).StatusCode);

        var response = await staff.PostFormAsync("/admin/portal-users",
            [.. ids.Select(id => new KeyValuePair<string, string>("ids", id.ToString(System.Globalization.CultureInfo.InvariantCulture))), new("scope", "selected"), new("send", "reset")],
            "/admin/portal-users?handler=Bulk");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var summary = (await AdminTestHost.PageAsync(staff, "/admin/portal-users")).QuerySelector(".notice-success")!.TextContent;
        Assert.StartsWith("2 password-reset emails queued", summary, StringComparison.Ordinal);
        Assert.Contains("1 customer skipped", summary, StringComparison.Ordinal);
        Assert.Contains("Wes Pending", summary, StringComparison.Ordinal);
        Assert.StartsWith("/reset-password/", await host.LinkFromMailAsync(one, "/reset-password/"), StringComparison.Ordinal);
        Assert.StartsWith("/reset-password/", await host.LinkFromMailAsync(two, "/reset-password/"), StringComparison.Ordinal);
        Assert.DoesNotContain(await host.Mail.GetAllAsync(), m => m.IsFor(pending) && (m.Text ?? "").Contains("/reset-password/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_bulk_action_with_nothing_selected_or_no_action_explains_itself_and_sends_nothing()
    {
        var (tenant, staff) = await host.NewTenantAsync();
        var email = AdminTestHost.Unique("zed");
        await host.ImportAsync(tenant, AdminTestHost.Person("Zed", "Nobody", email));

        var nothing = await staff.PostFormAsync("/admin/portal-users?without=true", [new("without", "true"), new("scope", "selected"), new("send", "invite")], "/admin/portal-users?handler=Bulk");
        var noAction = await staff.PostFormAsync("/admin/portal-users?without=true", [new("without", "true"), new("scope", "all"), new("send", "launch")], "/admin/portal-users?handler=Bulk");
        var badIds = await staff.PostFormAsync("/admin/portal-users?without=true", [new("without", "true"), new("ids", "x'; drop"), new("send", "invite")], "/admin/portal-users?handler=Bulk");

        Assert.Equal(HttpStatusCode.OK, nothing.StatusCode);
        Assert.Contains("Select at least one customer", (await AdminTestHost.DocumentAsync(nothing)).QuerySelector(".notice-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, noAction.StatusCode);
        Assert.Contains("Choose what to send", (await AdminTestHost.DocumentAsync(noAction)).QuerySelector(".notice-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, badIds.StatusCode);
        Assert.Equal(["Zed Nobody"], Names(await AdminTestHost.PageAsync(staff, "/admin/portal-users?without=true")));
        await Task.Delay(1000);
        Assert.DoesNotContain(await host.Mail.GetAllAsync(), m => m.IsFor(email));
    }

    [Fact]
    public async Task The_invitation_lifetime_is_saved_and_a_value_out_of_range_is_refused()
    {
        var (_, staff) = await host.NewTenantAsync();
        var page = await AdminTestHost.PageAsync(staff, "/admin/portal-users");
        Assert.Equal("14", page.QuerySelector("#invitationLifetimeDays")!.GetAttribute("value"));

        var refused = await staff.PostFormAsync("/admin/portal-users", [new("invitationLifetimeDays", "400")], "/admin/portal-users?handler=Settings");
        var saved = await staff.PostFormAsync("/admin/portal-users", [new("invitationLifetimeDays", "7")], "/admin/portal-users?handler=Settings");

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("1 to 90 days", (await AdminTestHost.DocumentAsync(refused)).QuerySelector("#lifetime-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("7", (await AdminTestHost.PageAsync(staff, "/admin/portal-users")).QuerySelector("#invitationLifetimeDays")!.GetAttribute("value"));
    }

    private static List<string> Names(AngleSharp.Dom.IDocument page) =>
        [.. page.QuerySelectorAll("table.portal-users tbody tr td:nth-child(2) a").Select(a => a.TextContent.Trim())];

    [Fact]
    public async Task Submitting_the_same_bulk_form_twice_or_at_once_sends_each_customer_one_email()
    {
        var (tenant, staff) = await host.NewTenantAsync();
        var batch = Guid.NewGuid().ToString("N")[..6];
        var people = Enumerable.Range(1, 6).Select(i => AdminTestHost.Person($"Twice{i:D2}", $"Customer{batch}", $"twice{i:D2}.{batch}@example.com")).ToArray();
        await host.ImportAsync(tenant, people);
        var list = await AdminTestHost.PageAsync(staff, "/admin/portal-users?without=true&q=" + batch);
        var key = list.QuerySelector("#bulk input[name='requestKey']")!.GetAttribute("value")!;
        List<KeyValuePair<string, string>> form = [new("q", batch), new("without", "true"), new("scope", "all"), new("send", "invite"), new("requestKey", key)];

        // A double click: two requests at the same moment, then the browser's "resubmit the form?".
        var together = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => staff.PostFormAsync("/admin/portal-users?without=true&q=" + batch, form, "/admin/portal-users?handler=Bulk")));
        var again = await staff.PostFormAsync("/admin/portal-users?without=true&q=" + batch, form, "/admin/portal-users?handler=Bulk");

        Assert.All(together, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        var notice = (await AdminTestHost.PageAsync(staff, again.Headers.Location!.OriginalString)).QuerySelector(".notice-success, .notice")!.TextContent;
        Assert.Contains("already sent", notice, StringComparison.Ordinal);
        var expected = people.Select(p => p.Emails[0].Address!).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var mails = await WaitForMailsAsync(m => expected.Any(m.IsFor), expected.Count);
        Assert.Equal(expected.Count, mails.Count);
        Assert.Equal(expected.Order(), mails.Select(m => m.To.Single().ToLowerInvariant()).Order());
    }

    private async Task<List<OrchardPortal.Testing.ReceivedMail>> WaitForMailsAsync(Func<OrchardPortal.Testing.ReceivedMail, bool> match, int count)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        while (true)
        {
            var mails = (await host.Mail.GetAllAsync()).Where(match).ToList();
            if (mails.Count >= count || DateTime.UtcNow > deadline)
            {
                // A moment more, so a duplicate would have arrived too.
                await Task.Delay(500);
                return (await host.Mail.GetAllAsync()).Where(match).ToList();
            }

            await Task.Delay(250);
        }
    }
}
