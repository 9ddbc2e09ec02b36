using System.Net;
using OrchardPortal.Staff.Tests.Infrastructure;
using OrchardPortal.Web.Testing;

namespace OrchardPortal.Staff.Tests;

public abstract class InvitationTests(StaffPortal portal)
{
    private const string Password = "Leaf-Blower-Purple-31";

    [Fact]
    public async Task An_invited_staff_member_sets_a_password_from_the_emailed_link_and_lands_signed_in()
    {
        var tenant = await portal.CreateTenantAsync(companyName: "Pine & Oak <Landscaping>");
        var (owner, _) = await portal.SignInOwnerAsync(tenant);
        var email = $"sam@{tenant.Name}.example.com";

        var invite = await InviteAsync(owner, "Sam Staff", email, "Staff");

        Assert.Equal("/admin/staff", invite.Location());
        var list = await owner.BodyAsync("/admin/staff");
        Assert.Contains($"Invitation sent to {email}.", list, StringComparison.Ordinal);
        Assert.Contains("Invited", list, StringComparison.Ordinal);

        var (link, mail) = await portal.Mail.InvitationLinkAsync(email);
        Assert.Contains("Olivia Owner invited you", mail.Subject, StringComparison.Ordinal);
        Assert.Contains("Pine &amp; Oak &lt;Landscaping&gt;", mail.Html, StringComparison.Ordinal);

        var sam = portal.CreateClient(tenant.Host);
        Assert.Contains(email, await sam.BodyAsync(link), StringComparison.Ordinal);
        var accepted = await AcceptAsync(sam, link, "Sam Staff", Password);

        Assert.Equal("/admin", accepted.Location());
        Assert.Contains("Welcome, Sam", await sam.BodyAsync("/admin"), StringComparison.Ordinal);
        Assert.Equal("/admin", (await portal.CreateClient(tenant.Host).LoginAsync(email, Password)).Location());
    }

    [Fact]
    public async Task A_staff_member_cannot_open_or_post_to_owner_pages()
    {
        var tenant = await portal.CreateTenantAsync();
        var (owner, _) = await portal.SignInOwnerAsync(tenant);
        var sam = await InviteAndAcceptAsync(tenant, owner, "Sam Staff", "Staff");

        var list = await sam.GetAsync("/admin/staff");
        var invitePage = await sam.GetAsync("/admin/staff/invite");
        var dashboard = await sam.BodyAsync("/admin");
        var samToken = FormPosting.AntiforgeryToken(dashboard);
        var invitePost = await sam.PostFormWithTokenAsync(
            "/admin/staff/invite", [new("Input.Name", "Mallory"), new("Input.Email", $"mallory@{tenant.Name}.example.com"), new("Input.Role", "Owner")], samToken);

        Assert.Contains("/admin/access-denied", list.Location(), StringComparison.Ordinal);
        Assert.Contains("/admin/access-denied", invitePage.Location(), StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.OK, invitePost.StatusCode);
        Assert.DoesNotContain("href=\"/admin/staff\"", dashboard, StringComparison.Ordinal);
        Assert.DoesNotContain("Mallory", await owner.BodyAsync("/admin/staff"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await sam.GetAsync("/admin/access-denied")).StatusCode);
    }

    [Fact]
    public async Task An_invitation_link_works_once()
    {
        var tenant = await portal.CreateTenantAsync();
        var (owner, _) = await portal.SignInOwnerAsync(tenant);
        var email = $"kim@{tenant.Name}.example.com";
        await InviteAsync(owner, "Kim", email, "Staff");
        var (link, _) = await portal.Mail.InvitationLinkAsync(email);
        var kim = portal.CreateClient(tenant.Host);
        Assert.Equal("/admin", (await AcceptAsync(kim, link, "Kim", Password)).Location());

        var stranger = portal.CreateClient(tenant.Host);
        var again = await stranger.BodyAsync(link);
        var replay = await PostAnywayAsync(stranger, link, "Eve", "Eve-Takes-Over-99");

        Assert.Contains("This invitation has already been used", again, StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.Redirect, replay.StatusCode);
        Assert.True((await stranger.GetAsync("/admin")).IsRedirectToLogin());
        Assert.Equal("/admin", (await portal.CreateClient(tenant.Host).LoginAsync(email, Password)).Location());
        Assert.Equal(HttpStatusCode.OK, (await portal.CreateClient(tenant.Host).LoginAsync(email, "Eve-Takes-Over-99")).StatusCode);
    }

    [Fact]
    public async Task An_invitation_link_expires_after_seven_days_and_a_resent_one_replaces_it()
    {
        var tenant = await portal.CreateTenantAsync();
        var (owner, _) = await portal.SignInOwnerAsync(tenant);
        var email = $"lee@{tenant.Name}.example.com";
        await InviteAsync(owner, "Lee", email, "Staff");
        var (oldLink, _) = await portal.Mail.InvitationLinkAsync(email);

        portal.Clock.Advance(TimeSpan.FromDays(8));
        var lee = portal.CreateClient(tenant.Host);
        var expired = await lee.BodyAsync(oldLink);
        var refused = await PostAnywayAsync(lee, oldLink, "Lee", Password);

        Assert.Contains("This invitation has expired", expired, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("This invitation has expired", await refused.TextAsync(), StringComparison.Ordinal);

        // The owner's session has expired meanwhile too; they sign in again and re-send.
        var (ownerAgain, _) = await portal.SignInOwnerAsync(tenant);
        var staffPage = await ownerAgain.BodyAsync("/admin/staff");
        Assert.Contains("link expired", staffPage, StringComparison.Ordinal);
        var resend = await ownerAgain.PostFormAsync("/admin/staff", [], postUrl: PageText.FormAction(staffPage, "Resend"));
        Assert.Equal("/admin/staff", resend.Location());

        var (newLink, _) = await portal.Mail.InvitationLinkAsync(email, sentAfterCount: 1);
        Assert.NotEqual(oldLink, newLink);
        Assert.Contains("isn’t valid", await portal.CreateClient(tenant.Host).BodyAsync(oldLink), StringComparison.Ordinal);
        Assert.Equal("/admin", (await AcceptAsync(lee, newLink, "Lee", Password)).Location());
    }

    [Fact]
    public async Task Inviting_someone_already_on_the_staff_list_is_refused_with_a_message()
    {
        var tenant = await portal.CreateTenantAsync();
        var (owner, _) = await portal.SignInOwnerAsync(tenant);

        var response = await InviteAsync(owner, "Olivia Again", tenant.OwnerEmail.ToUpperInvariant(), "Owner");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("already on your staff list", await response.TextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Disabling_a_staff_member_ends_their_session_and_an_owner_cannot_remove_themselves()
    {
        var tenant = await portal.CreateTenantAsync();
        var (owner, _) = await portal.SignInOwnerAsync(tenant);
        var sam = await InviteAndAcceptAsync(tenant, owner, "Sam Staff", "Staff");
        var staffPage = await owner.BodyAsync("/admin/staff");
        var ownerId = await portal.StaffIdAsync(tenant, tenant.OwnerEmail);

        var disable = await owner.PostFormAsync("/admin/staff", [], postUrl: PageText.FormAction(staffPage, "Disable"));
        var removeSelf = await owner.PostFormAsync("/admin/staff", [], postUrl: $"/admin/staff?handler=Remove&id={ownerId}");

        Assert.Equal("/admin/staff", disable.Location());
        Assert.True((await sam.GetAsync("/admin")).IsRedirectToLogin());
        Assert.Equal(HttpStatusCode.OK, (await portal.CreateClient(tenant.Host).LoginAsync($"sam@{tenant.Name}.example.com", Password)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, removeSelf.StatusCode);
        Assert.Contains("You can't do that to your own account.", PageText.ErrorSummary(await removeSelf.TextAsync()), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync("/admin")).StatusCode);
    }

    [Fact]
    public async Task An_owner_can_enable_a_disabled_member_again_and_remove_them_for_good()
    {
        var tenant = await portal.CreateTenantAsync();
        var (owner, _) = await portal.SignInOwnerAsync(tenant);
        await InviteAndAcceptAsync(tenant, owner, "Ana Second", "Owner");
        var anaEmail = $"ana@{tenant.Name}.example.com";
        await owner.PostFormAsync("/admin/staff", [], postUrl: PageText.FormAction(await owner.BodyAsync("/admin/staff"), "Disable"));

        var enable = await owner.PostFormAsync("/admin/staff", [], postUrl: PageText.FormAction(await owner.BodyAsync("/admin/staff"), "Enable"));
        var canSignIn = await portal.CreateClient(tenant.Host).LoginAsync(anaEmail, Password);
        var remove = await owner.PostFormAsync("/admin/staff", [], postUrl: PageText.FormAction(await owner.BodyAsync("/admin/staff"), "Remove"));
        var list = await owner.BodyAsync("/admin/staff");

        Assert.Equal("/admin/staff", enable.Location());
        Assert.Equal("/admin", canSignIn.Location());
        Assert.Equal("/admin/staff", remove.Location());
        Assert.Contains("Ana Second has been removed from your staff.", list, StringComparison.Ordinal);
        Assert.DoesNotContain(anaEmail, list, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await portal.CreateClient(tenant.Host).LoginAsync(anaEmail, Password)).StatusCode);
    }

    private async Task<HttpClient> InviteAndAcceptAsync(OrchardPortal.Web.Testing.TenantHandle tenant, HttpClient owner, string name, string role)
    {
        var email = $"{name.Split(' ')[0].ToLowerInvariant()}@{tenant.Name}.example.com";
        Assert.Equal("/admin/staff", (await InviteAsync(owner, name, email, role)).Location());
        var (link, _) = await portal.Mail.InvitationLinkAsync(email);
        var client = portal.CreateClient(tenant.Host);
        Assert.Equal("/admin", (await AcceptAsync(client, link, name, Password)).Location());
        return client;
    }

    // Submits the acceptance form even when the link's page no longer shows one (a stale tab, a replay).
    private static async Task<HttpResponseMessage> PostAnywayAsync(HttpClient client, string link, string name, string password)
    {
        var token = FormPosting.AntiforgeryToken(await client.BodyAsync("/admin/login"));
        return await client.PostFormWithTokenAsync(link, [new("Input.Name", name), new("Input.Password", password), new("Input.ConfirmPassword", password)], token);
    }

    private static Task<HttpResponseMessage> InviteAsync(HttpClient owner, string name, string email, string role) =>
        owner.PostFormAsync("/admin/staff/invite", [new("Input.Name", name), new("Input.Email", email), new("Input.Role", role)]);

    private static Task<HttpResponseMessage> AcceptAsync(HttpClient client, string link, string name, string password) =>
        client.PostFormAsync(link, [new("Input.Name", name), new("Input.Password", password), new("Input.ConfirmPassword", password)]);
}

public sealed class InvitationTestsOnSqlite(SqliteStaffPortal portal) : InvitationTests(portal), IClassFixture<SqliteStaffPortal>;

public sealed class InvitationTestsOnPostgres(PostgresStaffPortal portal) : InvitationTests(portal), IClassFixture<PostgresStaffPortal>;
