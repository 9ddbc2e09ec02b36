using System.Net;
using OrchardPortal.PortalUsers.Models;
using OrchardPortal.PortalUsers.Tests.Infrastructure;

namespace OrchardPortal.PortalUsers.Tests;

public sealed class PermissionTests(SqlitePortalUsersApp app) : IClassFixture<SqlitePortalUsersApp>
{
    [Fact]
    public async Task A_user_without_the_invoices_permission_gets_not_found_on_invoices_and_no_tab()
    {
        var tenant = await app.CreateTenantAsync();
        var user = await app.ActivatedUserAsync(tenant, "noinvoices");
        await SetPermissionsAsync(tenant, user, new PortalUserPermissions(new HashSet<string> { "history", "payments" }, CanPay: true));

        var invoices = await user.Browser.GetAsync("/invoices");
        Assert.Equal(HttpStatusCode.NotFound, invoices.StatusCode);
        var home = await user.Browser.BodyAsync("/");
        Assert.DoesNotContain("href=\"/invoices\"", home, StringComparison.Ordinal);
        Assert.Contains("href=\"/history\"", home, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await user.Browser.GetAsync("/history")).StatusCode);
    }

    [Fact]
    public async Task A_user_who_may_not_pay_gets_not_found_on_payments()
    {
        var tenant = await app.CreateTenantAsync();
        var user = await app.ActivatedUserAsync(tenant, "nopay");
        await SetPermissionsAsync(tenant, user, new PortalUserPermissions(null, CanPay: false));

        Assert.Equal(HttpStatusCode.NotFound, (await user.Browser.GetAsync("/payments")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await user.Browser.GetAsync("/invoices")).StatusCode);
        Assert.DoesNotContain("href=\"/payments\"", await user.Browser.BodyAsync("/"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_people_of_one_customer_each_sign_in_with_their_own_password_also_by_account_number()
    {
        var tenant = await app.CreateTenantAsync();
        var account = "DUO-" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var first = await app.ActivatedUserAsync(tenant, "spouse1", account);
        var secondEmail = PortalClient.UniqueEmail("spouse2");
        var added = await app.UsersAsync(tenant, u => u.AddAsync(first.CustomerId, secondEmail, "Sam Brookfield", PortalUserPermissions.Full, CancellationToken.None));
        Assert.True(added.Succeeded);
        var invited = await app.InTenantScopeAsync(tenant, sp => Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions
            .GetRequiredService<Services.PortalInvitationService>(sp).InviteUserAsync(added.UserId, CancellationToken.None));
        Assert.True(invited.Succeeded, invited.Error);
        var link = await app.Mail.LinkAsync(secondEmail, "/activate/");
        await app.CreateClient(tenant.Host).SetPasswordAsync(link, "Willow-Compass-3391");

        var sam = app.CreateClient(tenant.Host);
        Assert.Equal(HttpStatusCode.Redirect, (await sam.SignInAsync(account, "Willow-Compass-3391")).StatusCode);
        Assert.Equal("Sam Brookfield", PortalClient.SignedInName(await sam.BodyAsync("/")));
        var casey = app.CreateClient(tenant.Host);
        Assert.Equal(HttpStatusCode.Redirect, (await casey.SignInAsync(account, first.Password)).StatusCode);
        Assert.Equal("Casey Brookfield", PortalClient.SignedInName(await casey.BodyAsync("/")));

        var duplicate = await app.UsersAsync(tenant, u => u.AddAsync(first.CustomerId, secondEmail.ToUpperInvariant(), "Sam Again", PortalUserPermissions.Full, CancellationToken.None));
        Assert.Contains("already has a portal account", duplicate.Errors["Email"], StringComparison.Ordinal);
    }

    private Task<Services.PortalUserResult> SetPermissionsAsync(Web.Testing.TenantHandle tenant, ActivatedUser user, PortalUserPermissions permissions) =>
        app.UsersAsync(tenant, async u =>
        {
            var row = await u.FindByEmailAsync(user.Email, CancellationToken.None);
            var result = await u.UpdateAsync(row!.Id, row.Email, row.Name, permissions, CancellationToken.None);
            Assert.True(result.Succeeded);
            return result;
        });
}
