using System.Net;
using OrchardPortal.PortalUsers.Account.SignIn;
using OrchardPortal.PortalUsers.Tests.Infrastructure;

namespace OrchardPortal.PortalUsers.Tests;

public sealed class SignInTests(SqlitePortalUsersApp app) : IClassFixture<SqlitePortalUsersApp>
{
    [Fact]
    public async Task Signing_in_with_email_or_account_number_opens_the_portal()
    {
        var tenant = await app.CreateTenantAsync();
        var account = "LAWN-" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var user = await app.ActivatedUserAsync(tenant, account: account);

        var byEmail = app.CreateClient(tenant.Host);
        var response = await byEmail.SignInAsync(user.Email.ToUpperInvariant(), user.Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("Casey Brookfield", PortalClient.SignedInName(await byEmail.BodyAsync("/invoices")));

        var byAccount = app.CreateClient(tenant.Host);
        Assert.Equal(HttpStatusCode.Redirect, (await byAccount.SignInAsync(account.ToLowerInvariant(), user.Password)).StatusCode);
        Assert.Equal("Casey Brookfield", PortalClient.SignedInName(await byAccount.BodyAsync("/")));

        var anonymous = await app.CreateClient(tenant.Host).BodyAsync("/invoices");
        Assert.Null(PortalClient.SignedInName(anonymous));
        Assert.Contains("Sign in to see your invoices", anonymous, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Five_failures_lock_the_account_even_for_the_right_password_until_the_window_passes()
    {
        var tenant = await app.CreateTenantAsync();
        var user = await app.ActivatedUserAsync(tenant, "locked");
        var browser = app.CreateClient(tenant.Host);
        for (var i = 0; i < 5; i++)
        {
            Assert.Contains(SignInHandler.FailedMessage, await (await browser.SignInAsync(user.Email, "Wrong-Password-" + i)).TextAsync(), StringComparison.Ordinal);
        }

        var locked = await browser.SignInAsync(user.Email, user.Password);
        Assert.Equal(HttpStatusCode.OK, locked.StatusCode);
        Assert.Contains(SignInHandler.FailedMessage, await locked.TextAsync(), StringComparison.Ordinal);

        app.Clock.Advance(TimeSpan.FromMinutes(16));
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SignInAsync(user.Email, user.Password)).StatusCode);
    }

    [Fact]
    public async Task Unknown_email_wrong_password_locked_and_disabled_accounts_all_get_the_same_answer()
    {
        var tenant = await app.CreateTenantAsync();
        var wrong = await app.ActivatedUserAsync(tenant, "wrongpw");
        var locked = await app.ActivatedUserAsync(tenant, "lockedout");
        var disabled = await app.ActivatedUserAsync(tenant, "disabled");
        var browser = app.CreateClient(tenant.Host);
        for (var i = 0; i < 5; i++)
        {
            await browser.SignInAsync(locked.Email, "Not-The-Password-" + i);
        }

        var disabledId = (await app.UsersAsync(tenant, u => u.FindByEmailAsync(disabled.Email, CancellationToken.None)))!.Id;
        await app.UsersAsync(tenant, u => u.DisableAsync(disabledId, CancellationToken.None));

        var answers = new List<string>();
        foreach (var (login, password) in new[]
        {
            (PortalClient.UniqueEmail("nobody"), "Some-Password-123"),
            (wrong.Email, "Not-The-Password-9"),
            (locked.Email, locked.Password),
            (disabled.Email, disabled.Password),
        })
        {
            var response = await app.CreateClient(tenant.Host).SignInAsync(login, password);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Null(PortalClient.PortalCookie(response));
            answers.Add(AlertText(await response.TextAsync()));
        }

        Assert.Equal(SignInHandler.FailedMessage, answers[0]);
        Assert.All(answers, a => Assert.Equal(answers[0], a));
    }

    [Fact]
    public async Task With_logins_switched_off_sign_in_is_refused_and_the_page_says_so()
    {
        var tenant = await app.CreateTenantAsync();
        var user = await app.ActivatedUserAsync(tenant, "off");
        await app.SetPortalSettingsAsync(tenant, s => s.EnableLogins = false);

        var browser = app.CreateClient(tenant.Host);
        Assert.Contains("Online accounts aren’t available", await browser.BodyAsync("/sign-in"), StringComparison.Ordinal);
        // The page has no form now; a form kept open from before still gets a plain refusal.
        var token = Web.Testing.FormPosting.AntiforgeryToken(await browser.BodyAsync("/forgot-password"));
        var response = await Web.Testing.FormPosting.PostFormWithTokenAsync(browser, "/sign-in", [new("Login", user.Email), new("Password", user.Password)], token);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("Online accounts aren’t available", await response.TextAsync(), StringComparison.Ordinal);
        Assert.Null(PortalClient.PortalCookie(response));

        // Someone signed in before the switch is signed out by it.
        Assert.Null(PortalClient.SignedInName(await user.Browser.BodyAsync("/")));
    }

    [Fact]
    public async Task A_portal_cookie_from_one_tenant_is_anonymous_on_another()
    {
        var tenantA = await app.CreateTenantAsync();
        var tenantB = await app.CreateTenantAsync();
        var user = await app.ActivatedUserAsync(tenantA, "crosscookie");
        var signIn = await app.CreateClient(tenantA.Host).SignInAsync(user.Email, user.Password);
        var cookie = PortalClient.PortalCookie(signIn)!;
        Assert.NotNull(cookie);

        var onA = await app.GetWithCookieAsync(tenantA.Host, "/invoices", cookie);
        Assert.Equal("Casey Brookfield", PortalClient.SignedInName(await onA.TextAsync()));

        var onB = await app.GetWithCookieAsync(tenantB.Host, "/invoices", cookie);
        Assert.Equal(HttpStatusCode.OK, onB.StatusCode);
        var text = await onB.TextAsync();
        Assert.Null(PortalClient.SignedInName(text));
        Assert.Contains("Sign in to see your invoices", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_disabled_users_existing_session_stops_working()
    {
        var tenant = await app.CreateTenantAsync();
        var user = await app.ActivatedUserAsync(tenant, "session");
        Assert.NotNull(PortalClient.SignedInName(await user.Browser.BodyAsync("/")));

        var id = (await app.UsersAsync(tenant, u => u.FindByEmailAsync(user.Email, CancellationToken.None)))!.Id;
        await app.UsersAsync(tenant, u => u.DisableAsync(id, CancellationToken.None));

        var page = await user.Browser.BodyAsync("/invoices");
        Assert.Null(PortalClient.SignedInName(page));
        Assert.Contains("Sign in to see your invoices", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signing_out_ends_the_session()
    {
        var tenant = await app.CreateTenantAsync();
        var user = await app.ActivatedUserAsync(tenant, "signout");
        var home = await user.Browser.BodyAsync("/");
        var token = Web.Testing.FormPosting.AntiforgeryToken(home);

        var withoutToken = await user.Browser.PostAsync("/sign-out", new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.Redirect, withoutToken.StatusCode);
        Assert.NotNull(PortalClient.SignedInName(await user.Browser.BodyAsync("/")));

        var response = await Web.Testing.FormPosting.PostFormWithTokenAsync(user.Browser, "/sign-out", [], token);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var landing = await user.Browser.BodyAsync(response.Headers.Location!.OriginalString);
        Assert.Contains("You’re signed out.", landing, StringComparison.Ordinal);
        Assert.Null(PortalClient.SignedInName(landing));
        Assert.Null(PortalClient.SignedInName(await user.Browser.BodyAsync("/")));
    }

    [Fact]
    public async Task Keep_me_signed_in_makes_the_cookie_outlast_the_browser_session()
    {
        var tenant = await app.CreateTenantAsync();
        var user = await app.ActivatedUserAsync(tenant, "keep");

        var session = await app.CreateClient(tenant.Host).SignInAsync(user.Email, user.Password);
        var kept = await app.CreateClient(tenant.Host).SignInAsync(user.Email, user.Password, keepSignedIn: true);

        Assert.DoesNotContain(SetCookie(session), "expires=", StringComparison.OrdinalIgnoreCase);
        Assert.Contains("expires=", SetCookie(kept), StringComparison.OrdinalIgnoreCase);
    }

    private static string SetCookie(HttpResponseMessage response) =>
        response.Headers.GetValues("Set-Cookie").Single(v => v.StartsWith(PortalClient.CookieName + "=", StringComparison.Ordinal));

    private static string AlertText(string html)
    {
        var match = System.Text.RegularExpressions.Regex.Match(html, "<div class=\"alert alert-error\" role=\"alert\">([^<]*)</div>");
        return match.Success ? match.Groups[1].Value.Trim() : "";
    }
}
