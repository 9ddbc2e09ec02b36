using System.Net;
using OrchardPortal.PortalUsers.Account.SignIn;
using OrchardPortal.PortalUsers.Tests.Infrastructure;
using OrchardPortal.Web.Testing;

namespace OrchardPortal.PortalUsers.Tests;

/// <summary>The key journeys again on PostgreSQL (a schema per tenant), where SQL and locking differ.</summary>
public sealed class PostgresTests(PostgresPortalUsersApp app) : IClassFixture<PostgresPortalUsersApp>
{
    [Fact]
    public async Task Activation_sign_in_and_lockout_work_on_postgres()
    {
        var tenant = await app.CreateTenantAsync();
        var user = await app.ActivatedUserAsync(tenant, "pg");
        Assert.Equal("Casey Brookfield", PortalClient.SignedInName(await user.Browser.BodyAsync("/")));

        var browser = app.CreateClient(tenant.Host);
        for (var i = 0; i < 5; i++)
        {
            await browser.SignInAsync(user.Email, "Wrong-Password-" + i);
        }

        Assert.Contains(SignInHandler.FailedMessage, await (await browser.SignInAsync(user.Email, user.Password)).TextAsync(), StringComparison.Ordinal);
        app.Clock.Advance(TimeSpan.FromMinutes(16));
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SignInAsync(user.Email, user.Password)).StatusCode);
    }

    [Fact]
    public async Task A_link_and_a_cookie_from_one_tenant_are_useless_on_another_on_postgres()
    {
        var tenantA = await app.CreateTenantAsync();
        var tenantB = await app.CreateTenantAsync();
        var user = await app.ActivatedUserAsync(tenantA, "pgcross");
        await app.CreateClient(tenantA.Host).PostFormAsync("/forgot-password", [new("Email", user.Email)]);
        var link = await app.Mail.LinkAsync(user.Email, "/reset-password/");
        var cookie = PortalClient.PortalCookie(await app.CreateClient(tenantA.Host).SignInAsync(user.Email, user.Password))!;

        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateClient(tenantB.Host).GetAsync(link)).StatusCode);
        Assert.Null(PortalClient.SignedInName(await (await app.GetWithCookieAsync(tenantB.Host, "/", cookie)).TextAsync()));
        Assert.NotNull(PortalClient.SignedInName(await (await app.GetWithCookieAsync(tenantA.Host, "/", cookie)).TextAsync()));
    }
}
