using System.Net;
using OrchardPortal.Staff.Tests.Infrastructure;
using OrchardPortal.Web.Testing;

namespace OrchardPortal.Staff.Tests;

public abstract class SignInTests(StaffPortal portal)
{
    private const string Incorrect = "Email or password is incorrect.";
    private const string LockedOut = "Too many failed sign-in attempts for this email. Sign-in is paused for up to 15 minutes; please try again later.";

    [Fact]
    public async Task Signing_in_with_the_right_password_lands_on_the_dashboard_welcoming_the_owner()
    {
        var tenant = await portal.CreateTenantAsync(companyName: "Bluegrass Gardens Co");
        var client = portal.CreateClient(tenant.Host);

        var response = await client.LoginAsync(tenant.OwnerEmail, tenant.OwnerPassword);

        Assert.Equal("/admin", response.Location());
        var dashboard = await client.BodyAsync("/admin");
        Assert.Contains("Welcome, Olivia", dashboard, StringComparison.Ordinal);
        Assert.Contains("Bluegrass Gardens Co", dashboard, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Anonymous_visitors_to_the_admin_are_sent_to_sign_in_and_come_back_afterwards()
    {
        var tenant = await portal.CreateTenantAsync();
        var client = portal.CreateClient(tenant.Host);

        var dashboard = await client.GetAsync("/admin");
        var staffPage = await client.GetAsync("/admin/staff");

        Assert.True(dashboard.IsRedirectToLogin(), dashboard.Headers.Location?.ToString());
        Assert.True(staffPage.IsRedirectToLogin());
        Assert.Contains("ReturnUrl=%2Fadmin%2Fstaff", staffPage.Location(), StringComparison.Ordinal);

        var signedIn = await client.LoginAsync(tenant.OwnerEmail, tenant.OwnerPassword, returnUrl: "/admin/staff");
        Assert.Equal("/admin/staff", signedIn.Location());
    }

    [Theory]
    [InlineData("https://evil.example/steal")]
    [InlineData("//evil.example/steal")]
    public async Task A_return_url_pointing_to_another_site_is_ignored(string returnUrl)
    {
        var tenant = await portal.CreateTenantAsync();
        var client = portal.CreateClient(tenant.Host);

        var response = await client.LoginAsync(tenant.OwnerEmail, tenant.OwnerPassword, returnUrl);

        Assert.Equal("/admin", response.Location());
    }

    [Fact]
    public async Task A_wrong_password_and_an_unknown_email_get_the_same_generic_error_and_no_cookie()
    {
        var tenant = await portal.CreateTenantAsync();
        var client = portal.CreateClient(tenant.Host);

        var wrongPassword = await client.LoginAsync(tenant.OwnerEmail, "Not-The-Password-9");
        var unknownEmail = await client.LoginAsync("nobody@" + tenant.Name + ".example.com", tenant.OwnerPassword);

        Assert.Equal(HttpStatusCode.OK, wrongPassword.StatusCode);
        Assert.Equal(Incorrect, PageText.ErrorSummary(await wrongPassword.TextAsync()));
        Assert.Equal(Incorrect, PageText.ErrorSummary(await unknownEmail.TextAsync()));
        Assert.Null(StaffClient.StaffCookie(wrongPassword));
        Assert.True((await client.GetAsync("/admin")).IsRedirectToLogin());
    }

    [Fact]
    public async Task Five_failures_lock_the_account_even_against_the_right_password_and_an_unknown_email_reads_the_same()
    {
        var tenant = await portal.CreateTenantAsync();
        var client = portal.CreateClient(tenant.Host);
        var unknown = "ghost@" + tenant.Name + ".example.com";

        var realMessages = new List<string>();
        var unknownMessages = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            realMessages.Add(PageText.ErrorSummary(await (await client.LoginAsync(tenant.OwnerEmail, $"Wrong-Guess-{i}x")).TextAsync()));
            unknownMessages.Add(PageText.ErrorSummary(await (await client.LoginAsync(unknown, $"Wrong-Guess-{i}x")).TextAsync()));
        }

        var rightPassword = await client.LoginAsync(tenant.OwnerEmail, tenant.OwnerPassword);
        var unknownAgain = await client.LoginAsync(unknown, tenant.OwnerPassword);

        Assert.Equal(new[] { Incorrect, Incorrect, Incorrect, Incorrect, LockedOut }, realMessages);
        Assert.Equal(realMessages, unknownMessages);
        Assert.Equal(HttpStatusCode.OK, rightPassword.StatusCode);
        Assert.Equal(LockedOut, PageText.ErrorSummary(await rightPassword.TextAsync()));
        Assert.Equal(LockedOut, PageText.ErrorSummary(await unknownAgain.TextAsync()));
        Assert.Null(StaffClient.StaffCookie(rightPassword));
    }

    [Fact]
    public async Task A_lockout_ends_after_fifteen_minutes()
    {
        var tenant = await portal.CreateTenantAsync();
        var client = portal.CreateClient(tenant.Host);
        for (var i = 0; i < 5; i++)
        {
            await client.LoginAsync(tenant.OwnerEmail, $"Wrong-Guess-{i}x");
        }

        var stillLocked = await client.LoginAsync(tenant.OwnerEmail, tenant.OwnerPassword);
        portal.Clock.Advance(TimeSpan.FromMinutes(16));
        var afterwards = await client.LoginAsync(tenant.OwnerEmail, tenant.OwnerPassword);

        Assert.Equal(LockedOut, PageText.ErrorSummary(await stillLocked.TextAsync()));
        Assert.Equal("/admin", afterwards.Location());
    }

    [Fact]
    public async Task Signing_out_ends_the_session()
    {
        var tenant = await portal.CreateTenantAsync();
        var (client, _) = await portal.SignInOwnerAsync(tenant);

        var signOut = await client.PostFormAsync("/admin", [], postUrl: "/admin/logout");

        Assert.True(signOut.IsRedirectToLogin());
        Assert.True((await client.GetAsync("/admin")).IsRedirectToLogin());
        Assert.Contains("You have signed out.", await client.BodyAsync("/admin/login"), StringComparison.Ordinal);
    }
}

public sealed class SignInTestsOnSqlite(SqliteStaffPortal portal) : SignInTests(portal), IClassFixture<SqliteStaffPortal>;

public sealed class SignInTestsOnPostgres(PostgresStaffPortal portal) : SignInTests(portal), IClassFixture<PostgresStaffPortal>;
