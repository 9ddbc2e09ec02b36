using System.Net;
using OrchardPortal.Staff.Tests.Infrastructure;
using OrchardPortal.Web.Testing;

namespace OrchardPortal.Staff.Tests;

public abstract class CrossTenantCookieTests(StaffPortal portal)
{
    [Fact]
    public async Task A_staff_cookie_from_one_tenant_copied_by_hand_to_another_is_refused()
    {
        var a = await portal.CreateTenantAsync();
        var b = await portal.CreateTenantAsync();
        var (_, cookieOfA) = await portal.SignInOwnerAsync(a);
        var header = $"{StaffClient.CookieName}={cookieOfA}";

        var onA = await portal.GetWithCookieAsync(a.Host, "/admin", header);
        var onB = await portal.GetWithCookieAsync(b.Host, "/admin", header);
        var ownerPageOnB = await portal.GetWithCookieAsync(b.Host, "/admin/staff", header);

        // The same cookie works where it was issued, so the refusals below are about the tenant.
        Assert.Equal(HttpStatusCode.OK, onA.StatusCode);
        Assert.True(onB.IsRedirectToLogin(), $"tenant B answered {(int)onB.StatusCode}");
        Assert.True(ownerPageOnB.IsRedirectToLogin());
        Assert.DoesNotContain(a.OwnerEmail, await onB.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cookie_minted_on_the_host_site_is_refused_on_a_tenant()
    {
        var tenant = await portal.CreateTenantAsync();
        var host = portal.CreateClient("localhost", handleCookies: false);
        var login = await host.GetAsync("/operator/login");
        var antiforgeryCookies = CookiesSetBy(login);
        var form = new HttpRequestMessage(HttpMethod.Post, "/operator/login")
        {
            Content = new FormUrlEncodedContent(
            [
                new("Email", PortalApp.OperatorEmail),
                new("Password", PortalApp.OperatorPassword),
                new("__RequestVerificationToken", FormPosting.AntiforgeryToken(await login.Content.ReadAsStringAsync())!),
            ]),
        };
        form.Headers.Add("Cookie", string.Join("; ", antiforgeryCookies.Select(c => c.Name + "=" + c.Value)));
        var signedIn = await host.SendAsync(form);
        var hostCookies = CookiesSetBy(signedIn).Where(c => c.Value.Length > 0).ToList();
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.NotEmpty(hostCookies);

        var allAsSent = string.Join("; ", hostCookies.Select(c => c.Name + "=" + c.Value));
        var onHost = await portal.GetWithCookieAsync("localhost", "/operator/tenants", allAsSent);
        Assert.Equal(HttpStatusCode.OK, onHost.StatusCode);

        // As they are, and renamed to the staff cookie, as someone trying to pass one off as the other would.
        var asSent = await portal.GetWithCookieAsync(tenant.Host, "/admin", allAsSent);
        Assert.True(asSent.IsRedirectToLogin());
        foreach (var (_, value) in hostCookies)
        {
            var renamed = await portal.GetWithCookieAsync(tenant.Host, "/admin", $"{StaffClient.CookieName}={value}");
            Assert.True(renamed.IsRedirectToLogin());
        }
    }

    private static List<(string Name, string Value)> CookiesSetBy(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values)
            ? values.Select(v => v.Split(';')[0]).Select(p => (p[..p.IndexOf('=', StringComparison.Ordinal)], p[(p.IndexOf('=', StringComparison.Ordinal) + 1)..])).ToList()
            : [];
}

public sealed class CrossTenantCookieTestsOnSqlite(SqliteStaffPortal portal) : CrossTenantCookieTests(portal), IClassFixture<SqliteStaffPortal>;

public sealed class CrossTenantCookieTestsOnPostgres(PostgresStaffPortal portal) : CrossTenantCookieTests(portal), IClassFixture<PostgresStaffPortal>;
