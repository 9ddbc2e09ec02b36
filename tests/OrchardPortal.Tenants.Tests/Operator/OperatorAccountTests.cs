using System.Net;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using OrchardPortal.Tenants.Pages.HostSite.Operator.Login;
using OrchardPortal.Web.Testing;

namespace OrchardPortal.Tenants.Tests.Operator;

/// <summary>The operator account: first-run setup, sign-in, lockout and sign-out.</summary>
public sealed class OperatorAccountTests
{
    private static readonly Dictionary<string, string?> NoConfiguredOperator = new()
    {
        ["Operator:Email"] = null,
        ["Operator:Password"] = null,
    };

    [Fact]
    public async Task Without_a_configured_operator_the_first_visitor_creates_one_and_setup_then_closes_for_good()
    {
        await using var app = PortalApp.CreateSqlite(NoConfiguredOperator);
        var visitor = app.CreateHostClient();
        var login = await (await visitor.GetAsync("/operator/login")).ReadHtmlAsync();
        Assert.NotNull(login.QuerySelector("a[href='/operator/setup']"));

        var weak = await visitor.PostFormAsync("/operator/setup", [new("Email", "ops@example.com"), new("Password", "short")]);
        Assert.Equal(HttpStatusCode.OK, weak.StatusCode);
        Assert.Equal("Use at least 10 characters.", (await weak.ReadHtmlAsync()).FieldError("Password"));

        var created = await visitor.PostFormAsync("/operator/setup", [new("Name", "Opal Operator"), new("Email", "ops@example.com"), new("Password", TestSupport.GoodPassword)]);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal("/operator/tenants", created.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync("/operator/tenants")).StatusCode);

        var latecomer = app.CreateHostClient();
        Assert.Equal(HttpStatusCode.NotFound, (await latecomer.GetAsync("/operator/setup")).StatusCode);
        var token = FormPosting.AntiforgeryToken(await latecomer.GetStringAsync("/operator/login"));
        var hijack = await latecomer.PostFormWithTokenAsync("/operator/setup", [new("Email", "attacker@example.com"), new("Password", TestSupport.GoodPassword)], token);
        Assert.Equal(HttpStatusCode.NotFound, hijack.StatusCode);
        var attackerLogin = await latecomer.PostFormAsync("/operator/login", [new("Email", "attacker@example.com"), new("Password", TestSupport.GoodPassword)]);
        Assert.Equal(HttpStatusCode.OK, attackerLogin.StatusCode);
        Assert.Null((await (await latecomer.GetAsync("/operator/login")).ReadHtmlAsync()).QuerySelector("a[href='/operator/setup']"));
    }

    [Fact]
    public async Task The_configured_operator_exists_at_start_up_and_setup_is_closed()
    {
        await using var app = PortalApp.CreateSqlite();

        var client = await app.SignedInOperatorAsync();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/operator/tenants")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateHostClient().GetAsync("/operator/setup")).StatusCode);

        // Starting again over the same data (a restart, or a second node) neither fails nor duplicates the account.
        await using var restarted = app.WithWebHostBuilder(_ => { });
        var again = restarted.CreateClient(new() { BaseAddress = new Uri("http://localhost"), AllowAutoRedirect = false });
        var response = await again.PostFormAsync("/operator/login", [new("Email", PortalApp.OperatorEmail), new("Password", PortalApp.OperatorPassword)]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Theory]
    [InlineData(PortalApp.OperatorEmail, "Wrong-Password-123")]
    [InlineData("nobody@example.com", PortalApp.OperatorPassword)]
    [InlineData("", "")]
    public async Task A_failed_sign_in_shows_one_generic_message(string email, string password)
    {
        await using var app = PortalApp.CreateSqlite();

        var response = await app.CreateHostClient().PostFormAsync("/operator/login", [new("Email", email), new("Password", password)]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(LoginModel.FailureMessage, (await response.ReadHtmlAsync()).Alert());
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_for_fifteen_minutes()
    {
        var clock = new ManualClock(new DateTimeOffset(2026, 5, 1, 9, 0, 0, TimeSpan.Zero));
        await using var root = PortalApp.CreateSqlite();
        await using var app = root.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(clock)));
        var client = app.CreateClient(new() { BaseAddress = new Uri("http://localhost"), AllowAutoRedirect = false });
        KeyValuePair<string, string>[] wrong = [new("Email", PortalApp.OperatorEmail), new("Password", "Wrong-Password-123")];
        KeyValuePair<string, string>[] right = [new("Email", PortalApp.OperatorEmail), new("Password", PortalApp.OperatorPassword)];

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.PostFormAsync("/operator/login", wrong)).StatusCode);
        }

        var whileLocked = await client.PostFormAsync("/operator/login", right);
        Assert.Equal(HttpStatusCode.OK, whileLocked.StatusCode);
        Assert.Equal(LoginModel.FailureMessage, (await whileLocked.ReadHtmlAsync()).Alert());

        clock.Advance(TimeSpan.FromMinutes(14));
        Assert.Equal(HttpStatusCode.OK, (await client.PostFormAsync("/operator/login", right)).StatusCode);

        clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync("/operator/login", right)).StatusCode);
    }

    [Fact]
    public async Task Four_wrong_passwords_then_the_right_one_signs_in_and_resets_the_count()
    {
        await using var app = PortalApp.CreateSqlite();
        var client = app.CreateHostClient();
        KeyValuePair<string, string>[] wrong = [new("Email", PortalApp.OperatorEmail), new("Password", "Wrong-Password-123")];
        KeyValuePair<string, string>[] right = [new("Email", PortalApp.OperatorEmail), new("Password", PortalApp.OperatorPassword)];

        for (var i = 0; i < 4; i++)
        {
            await client.PostFormAsync("/operator/login", wrong);
        }

        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync("/operator/login", right)).StatusCode);
        for (var i = 0; i < 4; i++)
        {
            await client.PostFormAsync("/operator/login", wrong);
        }

        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync("/operator/login", right)).StatusCode);
    }

    [Fact]
    public async Task Operator_pages_ask_for_sign_in_and_signing_out_ends_the_session()
    {
        await using var app = PortalApp.CreateSqlite();
        var anonymous = await app.CreateHostClient().GetAsync("/operator/tenants");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("/operator/login", anonymous.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await app.CreateHostClient().GetAsync("/operator/api-keys")).StatusCode);

        var client = await app.SignedInOperatorAsync();
        var logout = await client.PostFormAsync("/operator/tenants", [], postUrl: "/operator/logout");

        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/operator/tenants")).StatusCode);
    }

    [Fact]
    public async Task Sign_in_returns_to_the_operator_page_asked_for_but_never_off_site()
    {
        await using var app = PortalApp.CreateSqlite();
        KeyValuePair<string, string>[] right = [new("Email", PortalApp.OperatorEmail), new("Password", PortalApp.OperatorPassword)];

        var inside = await app.CreateHostClient().PostFormAsync("/operator/login?ReturnUrl=%2Foperator%2Fapi-keys", right);
        var outside = await app.CreateHostClient().PostFormAsync("/operator/login?ReturnUrl=https%3A%2F%2Fevil.example%2F", right);

        Assert.Equal("/operator/api-keys", inside.Headers.Location?.OriginalString);
        Assert.Equal("/operator/tenants", outside.Headers.Location?.OriginalString);
    }
}
