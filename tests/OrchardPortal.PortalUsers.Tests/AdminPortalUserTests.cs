using System.Net;
using OrchardPortal.Web.Testing;

namespace OrchardPortal.PortalUsers.Tests;

/// <summary>Staff manage one customer's portal users: add, edit permissions, disable, enable, remove, invite, reset.</summary>
public sealed class AdminPortalUserTests(AdminTestHost host) : IClassFixture<AdminTestHost>
{
    private const string Password = AdminTestHost.CustomerPassword;

    [Fact]
    public async Task Staff_add_a_portal_user_with_limited_tabs_who_activates_from_the_email_and_cannot_open_the_others()
    {
        var (tenant, staff) = await host.NewTenantAsync();
        var id = (await host.ImportAsync(tenant, AdminTestHost.Person("Rosa", "Delgado", AdminTestHost.Unique("rosa"))))[0];
        var manager = AdminTestHost.Unique("manager");

        var added = await staff.PostFormAsync($"/admin/customers/{id}/portal-users/new",
        [
            new("Input.Email", manager), new("Input.Name", "Pat Manager"),
            new("Input.Tabs", ""), new("Input.Tabs", "invoices"),
            new("Input.CanPay", "false"), new("Input.SendInvitation", "true"), new("Input.SendInvitation", "false"),
        ]);

        Assert.Equal($"/admin/customers/{id}/portal-users", added.Headers.Location?.OriginalString);
        var list = await AdminTestHost.PageAsync(staff, $"/admin/customers/{id}/portal-users");
        Assert.Contains($"A registration link is on its way to {manager}", list.QuerySelector(".notice-success")!.TextContent, StringComparison.Ordinal);
        var row = list.QuerySelectorAll("table.portal-users tbody tr").Single(r => r.TextContent.Contains(manager, StringComparison.Ordinal));
        Assert.Contains("Invited", row.QuerySelector(".badge")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Home, Invoices · cannot pay", row.TextContent, StringComparison.Ordinal);

        var pat = await host.ActivateAsync(tenant, manager);
        Assert.Equal(HttpStatusCode.OK, (await pat.GetAsync("/invoices")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await pat.GetAsync("/payments")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await pat.GetAsync("/history")).StatusCode);
        var active = await AdminTestHost.PageAsync(staff, $"/admin/customers/{id}/portal-users");
        Assert.Contains("Active", active.QuerySelectorAll("table.portal-users tbody tr").Single(r => r.TextContent.Contains(manager, StringComparison.Ordinal)).TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Editing_a_users_permissions_changes_what_they_can_open_on_their_next_request()
    {
        var (tenant, staff) = await host.NewTenantAsync();
        var email = AdminTestHost.Unique("omar");
        var id = (await host.ImportAsync(tenant, AdminTestHost.Person("Omar", "Haddad", email)))[0];
        var omar = await host.InviteAndActivateAsync(tenant, staff, id, email);
        Assert.Equal(HttpStatusCode.OK, (await omar.GetAsync("/history")).StatusCode);
        var edit = EditLink(await AdminTestHost.PageAsync(staff, $"/admin/customers/{id}/portal-users"), email);

        var saved = await staff.PostFormAsync(edit,
        [
            new("Input.Email", email), new("Input.Name", "Omar Haddad"),
            new("Input.Tabs", ""), new("Input.Tabs", "payments"), new("Input.Tabs", "invoices"),
            new("Input.CanPay", "true"), new("Input.CanPay", "false"),
        ]);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await omar.GetAsync("/history")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await omar.GetAsync("/payments")).StatusCode);
        var form = await AdminTestHost.PageAsync(staff, edit);
        Assert.Null(form.QuerySelector("#tab-history")!.GetAttribute("checked"));
        Assert.NotNull(form.QuerySelector("#tab-payments")!.GetAttribute("checked"));
    }

    [Fact]
    public async Task Disabling_a_user_ends_their_session_and_enabling_lets_them_sign_in_again()
    {
        var (tenant, staff) = await host.NewTenantAsync();
        var email = AdminTestHost.Unique("mei");
        var id = (await host.ImportAsync(tenant, AdminTestHost.Person("Mei", "Tanaka", email)))[0];
        var mei = await host.InviteAndActivateAsync(tenant, staff, id, email);
        Assert.Equal(HttpStatusCode.OK, (await mei.GetAsync("/account/update-information")).StatusCode);

        var page = await AdminTestHost.PageAsync(staff, $"/admin/customers/{id}/portal-users");
        var disabled = await staff.PostFormAsync($"/admin/customers/{id}/portal-users", [], Action(page, "Disable"));

        Assert.Equal(HttpStatusCode.Redirect, disabled.StatusCode);
        Assert.StartsWith("/sign-in", (await mei.GetAsync("/account/update-information")).Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.Redirect, (await SignInAsync(tenant, email)).StatusCode);
        var list = await AdminTestHost.PageAsync(staff, $"/admin/customers/{id}/portal-users");
        Assert.Contains("Disabled", list.QuerySelector("table.portal-users tbody tr .badge")!.TextContent, StringComparison.Ordinal);

        var enabled = await staff.PostFormAsync($"/admin/customers/{id}/portal-users", [], Action(list, "Enable"));

        Assert.Equal(HttpStatusCode.Redirect, enabled.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(tenant, email)).StatusCode);
    }

    [Fact]
    public async Task Removing_a_user_asks_first_then_deletes_them_and_ends_their_access()
    {
        var (tenant, staff) = await host.NewTenantAsync();
        var email = AdminTestHost.Unique("ivan");
        var id = (await host.ImportAsync(tenant, AdminTestHost.Person("Ivan", "Petrov", email)))[0];
        var ivan = await host.InviteAndActivateAsync(tenant, staff, id, email);
        var list = await AdminTestHost.PageAsync(staff, $"/admin/customers/{id}/portal-users");
        var ask = list.QuerySelectorAll("a").Single(a => a.TextContent.Trim() == "Remove").GetAttribute("href")!;

        var confirm = await AdminTestHost.PageAsync(staff, $"/admin/customers/{id}/portal-users" + ask.Split('#')[0]);
        Assert.Contains($"Remove {email}?", confirm.QuerySelector("#confirm-title")!.TextContent, StringComparison.Ordinal);
        var removed = await staff.PostFormAsync($"/admin/customers/{id}/portal-users", [], Action(confirm, "Remove"));

        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        var after = await AdminTestHost.PageAsync(staff, $"/admin/customers/{id}/portal-users");
        Assert.Contains($"{email} was removed", after.QuerySelector(".notice-success")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(after.QuerySelectorAll("table.portal-users tbody tr"));
        Assert.StartsWith("/sign-in", (await ivan.GetAsync("/account/update-information")).Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.Redirect, (await SignInAsync(tenant, email)).StatusCode);
    }

    [Fact]
    public async Task Send_portal_registration_link_on_the_customer_page_emails_an_activation_link_and_returns_with_a_notice()
    {
        var (tenant, staff) = await host.NewTenantAsync();
        var email = AdminTestHost.Unique("grace");
        var id = (await host.ImportAsync(tenant, AdminTestHost.Person("Grace", "Okafor", email)))[0];
        var details = await AdminTestHost.PageAsync(staff, $"/admin/customers/{id}");
        var form = details.QuerySelectorAll("form").Single(f => f.TextContent.Contains("Send portal registration link", StringComparison.Ordinal));

        var sent = await staff.PostFormAsync($"/admin/customers/{id}", [], form.GetAttribute("action"));

        Assert.Equal($"/admin/customers/{id}", sent.Headers.Location?.OriginalString);
        var back = await AdminTestHost.PageAsync(staff, $"/admin/customers/{id}");
        Assert.Equal($"Portal registration link sent to {email}.", back.QuerySelector(".notice-success")!.TextContent.Trim());
        Assert.StartsWith("/activate/", await host.LinkFromMailAsync(email, "/activate/"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sending_a_registration_link_to_a_customer_without_an_email_is_refused_with_a_message_and_creates_nobody()
    {
        var (tenant, staff) = await host.NewTenantAsync();
        var id = (await host.ImportAsync(tenant, AdminTestHost.Person("Noel", "Quist", email: null)))[0];

        var refused = await staff.PostFormAsync($"/admin/customers/{id}", [], $"/admin/customers/{id}/portal-users?handler=InviteCustomer&from=details");

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await AdminTestHost.DocumentAsync(refused);
        Assert.Contains("email", page.QuerySelector(".notice-error")!.TextContent, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(page.QuerySelectorAll("table.portal-users tbody tr"));
    }

    [Fact]
    public async Task A_password_reset_email_from_staff_lets_the_user_choose_a_new_password()
    {
        var (tenant, staff) = await host.NewTenantAsync();
        var email = AdminTestHost.Unique("lena");
        var id = (await host.ImportAsync(tenant, AdminTestHost.Person("Lena", "Berg", email)))[0];
        await host.InviteAndActivateAsync(tenant, staff, id, email);
        var page = await AdminTestHost.PageAsync(staff, $"/admin/customers/{id}/portal-users");

        var sent = await staff.PostFormAsync($"/admin/customers/{id}/portal-users", [], Action(page, "Reset"));

        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var link = await host.LinkFromMailAsync(email, "/reset-password/");
        var lena = host.App.CreateClient(tenant.Host);
        var reset = await lena.PostFormAsync(link, [new("Password", "Harbor-Violet-Engine-73"), new("ConfirmPassword", "Harbor-Violet-Engine-73")]);
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(tenant, email, "Harbor-Violet-Engine-73")).StatusCode);
    }

    private Task<HttpResponseMessage> SignInAsync(TenantHandle tenant, string email, string password = Password) =>
        host.App.CreateClient(tenant.Host).PostFormAsync("/sign-in", [new("Login", email), new("Password", password)]);

    private static string EditLink(AngleSharp.Dom.IDocument page, string email) =>
        page.QuerySelectorAll("a").Single(a => a.GetAttribute("aria-label") == $"Edit {email}").GetAttribute("href")!;

    /// <summary>The action of the only form on the page posting to <paramref name="handler"/>.</summary>
    private static string Action(AngleSharp.Dom.IDocument page, string handler) =>
        page.QuerySelectorAll("form").Select(f => f.GetAttribute("action") ?? "").Single(a => a.Contains("handler=" + handler + "&", StringComparison.Ordinal) || a.EndsWith("handler=" + handler, StringComparison.Ordinal));
}
