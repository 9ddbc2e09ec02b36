using System.Net;
using OrchardPortal.Staff.Tests.Infrastructure;
using OrchardPortal.Web.Testing;

namespace OrchardPortal.Staff.Tests;

public abstract class ChangePasswordTests(StaffPortal portal)
{
    private const string NewPassword = "Hedge-Trimmer-Red-77";

    [Fact]
    public async Task Changing_the_password_ends_other_sessions_keeps_this_one_and_only_the_new_password_works()
    {
        var tenant = await portal.CreateTenantAsync();
        var (client, cookieBefore) = await portal.SignInOwnerAsync(tenant);
        var (otherBrowser, _) = await portal.SignInOwnerAsync(tenant);
        Assert.Equal(HttpStatusCode.OK, (await otherBrowser.GetAsync("/admin")).StatusCode);

        var change = await ChangeAsync(client, tenant.OwnerPassword, NewPassword);

        Assert.Equal("/admin", change.Location());
        Assert.Contains("Your password has been changed.", await client.BodyAsync("/admin"), StringComparison.Ordinal);
        Assert.True((await otherBrowser.GetAsync("/admin")).IsRedirectToLogin());
        Assert.True((await portal.GetWithCookieAsync(tenant.Host, "/admin", $"{StaffClient.CookieName}={cookieBefore}")).IsRedirectToLogin());

        var fresh = portal.CreateClient(tenant.Host);
        Assert.Equal(HttpStatusCode.OK, (await fresh.LoginAsync(tenant.OwnerEmail, tenant.OwnerPassword)).StatusCode);
        Assert.Equal("/admin", (await fresh.LoginAsync(tenant.OwnerEmail, NewPassword)).Location());
    }

    [Fact]
    public async Task A_weak_new_password_is_refused_with_the_reason_and_nothing_changes()
    {
        var tenant = await portal.CreateTenantAsync();
        var (client, _) = await portal.SignInOwnerAsync(tenant);

        var response = await ChangeAsync(client, tenant.OwnerPassword, "password123");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("That password is too easy to guess.", await response.TextAsync(), StringComparison.Ordinal);
        Assert.Equal("/admin", (await portal.CreateClient(tenant.Host).LoginAsync(tenant.OwnerEmail, tenant.OwnerPassword)).Location());
    }

    [Fact]
    public async Task A_wrong_current_password_is_refused_and_the_session_continues()
    {
        var tenant = await portal.CreateTenantAsync();
        var (client, _) = await portal.SignInOwnerAsync(tenant);

        var response = await ChangeAsync(client, "Not-My-Password-1", NewPassword);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("That isn't your current password.", await response.TextAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await portal.CreateClient(tenant.Host).LoginAsync(tenant.OwnerEmail, NewPassword)).StatusCode);
    }

    [Fact]
    public async Task The_change_password_page_shows_the_password_rule_and_the_strength_meter()
    {
        var tenant = await portal.CreateTenantAsync();
        var (client, _) = await portal.SignInOwnerAsync(tenant);

        var page = await client.BodyAsync("/admin/account/password");

        Assert.Contains(OrchardPortal.Core.Security.PasswordPolicy.Hint, page, StringComparison.Ordinal);
        Assert.Contains("data-strength-meter", page, StringComparison.Ordinal);
        Assert.Contains("/_content/OrchardPortal.Staff/password-strength.js", page, StringComparison.Ordinal);
    }

    private static Task<HttpResponseMessage> ChangeAsync(HttpClient client, string current, string next) =>
        client.PostFormAsync("/admin/account/password",
        [
            new("Input.CurrentPassword", current),
            new("Input.NewPassword", next),
            new("Input.ConfirmPassword", next),
        ]);
}

public sealed class ChangePasswordTestsOnSqlite(SqliteStaffPortal portal) : ChangePasswordTests(portal), IClassFixture<SqliteStaffPortal>;

public sealed class ChangePasswordTestsOnPostgres(PostgresStaffPortal portal) : ChangePasswordTests(portal), IClassFixture<PostgresStaffPortal>;
