using System.Net;
using OrchardPortal.PortalUsers.Tests.Infrastructure;
using OrchardPortal.Web.Testing;

namespace OrchardPortal.PortalUsers.Tests;

public sealed class PasswordResetTests(SqlitePortalUsersApp app) : IClassFixture<SqlitePortalUsersApp>
{
    private const string NewPassword = "Orchard-Sundial-2046";

    [Fact]
    public async Task Resetting_a_forgotten_password_replaces_the_old_one_and_signs_out_other_sessions()
    {
        var tenant = await app.CreateTenantAsync();
        var user = await app.ActivatedUserAsync(tenant, "forgot");
        Assert.NotNull(PortalClient.SignedInName(await user.Browser.BodyAsync("/")));

        var visitor = app.CreateClient(tenant.Host);
        var asked = await visitor.PostFormAsync("/forgot-password", [new("Email", user.Email)]);
        Assert.Contains("If an account uses " + user.Email + ", we’ve emailed it a link", await asked.TextAsync(), StringComparison.Ordinal);
        var link = await app.Mail.LinkAsync(user.Email, "/reset-password/");

        Assert.Contains("Choose a new password", await visitor.BodyAsync(link), StringComparison.Ordinal);
        var reset = await visitor.SetPasswordAsync(link, NewPassword);
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        Assert.NotNull(PortalClient.SignedInName(await visitor.BodyAsync("/")));

        Assert.Null(PortalClient.SignedInName(await user.Browser.BodyAsync("/")));
        Assert.Equal(HttpStatusCode.OK, (await app.CreateClient(tenant.Host).SignInAsync(user.Email, user.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await app.CreateClient(tenant.Host).SignInAsync(user.Email, NewPassword)).StatusCode);
        Assert.Contains("This link was already used", await (await visitor.GetAsync(link)).TextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Forgot_password_answers_the_same_whether_or_not_the_address_has_an_account()
    {
        var tenant = await app.CreateTenantAsync();
        var user = await app.ActivatedUserAsync(tenant, "known");
        var unknown = PortalClient.UniqueEmail("unknown");

        var known = await (await app.CreateClient(tenant.Host).PostFormAsync("/forgot-password", [new("Email", user.Email)])).TextAsync();
        var notKnown = await (await app.CreateClient(tenant.Host).PostFormAsync("/forgot-password", [new("Email", unknown)])).TextAsync();

        Assert.Equal(Alert(known).Replace(user.Email, "X", StringComparison.Ordinal), Alert(notKnown).Replace(unknown, "X", StringComparison.Ordinal));
        Assert.NotEmpty(Alert(known));
        var invalid = await app.CreateClient(tenant.Host).PostFormAsync("/forgot-password", [new("Email", "not an email")]);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Contains("isn’t an email address", await invalid.TextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_expired_reset_link_says_so_and_offers_a_new_one()
    {
        var tenant = await app.CreateTenantAsync();
        var user = await app.ActivatedUserAsync(tenant, "slowreset");
        await app.CreateClient(tenant.Host).PostFormAsync("/forgot-password", [new("Email", user.Email)]);
        var link = await app.Mail.LinkAsync(user.Email, "/reset-password/");

        app.Clock.Advance(TimeSpan.FromMinutes(61));
        var page = await app.CreateClient(tenant.Host).GetAsync(link);
        Assert.Equal(HttpStatusCode.Gone, page.StatusCode);
        var text = await page.TextAsync();
        Assert.Contains("This link has expired", text, StringComparison.Ordinal);
        Assert.Contains("href=\"/forgot-password\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_one_time_sign_in_link_signs_in_once_and_opening_it_alone_does_not_use_it()
    {
        var tenant = await app.CreateTenantAsync();
        var user = await app.ActivatedUserAsync(tenant, "magic");
        var asked = await app.CreateClient(tenant.Host).PostFormAsync("/sign-in/link", [new("Email", user.Email)]);
        Assert.Contains("we’ve emailed it a link that signs you in", await asked.TextAsync(), StringComparison.Ordinal);
        var link = await app.Mail.LinkAsync(user.Email, "/sign-in/link/");

        // A mail scanner fetching the link first must not use it up.
        Assert.Equal(HttpStatusCode.OK, (await app.CreateClient(tenant.Host).GetAsync(link)).StatusCode);
        var browser = app.CreateClient(tenant.Host);
        var signedIn = await browser.PostFormAsync(link, []);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("Casey Brookfield", PortalClient.SignedInName(await browser.BodyAsync("/")));

        var again = app.CreateClient(tenant.Host);
        var second = await again.GetAsync(link);
        Assert.Equal(HttpStatusCode.Gone, second.StatusCode);
        Assert.Contains("This link was already used", await second.TextAsync(), StringComparison.Ordinal);
        var replay = await again.PostFormWithTokenAsync(link, [], FormPosting.AntiforgeryToken(await (await again.GetAsync("/sign-in")).Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.Gone, replay.StatusCode);
        Assert.Null(PortalClient.SignedInName(await again.BodyAsync("/")));
    }

    [Fact]
    public async Task Asking_for_a_new_reset_link_makes_the_older_one_stop_working()
    {
        var tenant = await app.CreateTenantAsync();
        var user = await app.ActivatedUserAsync(tenant, "tworesets");
        await app.CreateClient(tenant.Host).PostFormAsync("/forgot-password", [new("Email", user.Email)]);
        var first = await app.Mail.LinkAsync(user.Email, "/reset-password/");

        app.Clock.Advance(TimeSpan.FromMinutes(2));
        await app.CreateClient(tenant.Host).PostFormAsync("/forgot-password", [new("Email", user.Email)]);
        var second = await app.Mail.LinkAsync(user.Email, "/reset-password/", first);

        var browser = app.CreateClient(tenant.Host);
        Assert.Contains("This link was already used", await (await browser.GetAsync(first)).TextAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(second)).StatusCode);
    }

    [Fact]
    public async Task A_sign_in_form_posted_without_its_token_changes_nothing_and_says_why()
    {
        var tenant = await app.CreateTenantAsync();
        var user = await app.ActivatedUserAsync(tenant, "stale");
        var browser = app.CreateClient(tenant.Host);

        var response = await browser.PostFormWithTokenAsync("/sign-in", [new("Login", user.Email), new("Password", user.Password)], null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("nothing was changed", await response.TextAsync(), StringComparison.Ordinal);
        Assert.Null(PortalClient.PortalCookie(response));
    }

    private static string Alert(string html)
    {
        var match = System.Text.RegularExpressions.Regex.Match(html, "<div class=\"alert alert-success\" role=\"status\">(.*?)</div>", System.Text.RegularExpressions.RegexOptions.Singleline);
        return match.Success ? System.Text.RegularExpressions.Regex.Replace(match.Groups[1].Value, @"\s+", " ").Trim() : "";
    }
}
