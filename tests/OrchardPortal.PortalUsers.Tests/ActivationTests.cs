using System.Net;
using Microsoft.Extensions.DependencyInjection;
using OrchardPortal.Customers.Services;
using OrchardPortal.PortalUsers.Models;
using OrchardPortal.PortalUsers.Tests.Infrastructure;
using OrchardPortal.Web.Testing;

namespace OrchardPortal.PortalUsers.Tests;

public sealed class ActivationTests(SqlitePortalUsersApp app) : IClassFixture<SqlitePortalUsersApp>
{
    [Fact]
    public async Task Activating_an_invitation_sets_the_password_and_lands_signed_in_on_home()
    {
        var tenant = await app.CreateTenantAsync();
        var email = PortalClient.UniqueEmail("olivia");
        var customerId = await app.CreateCustomerAsync(tenant, "Olivia", "Hart", email);

        var invited = await app.InviteAsync(tenant, customerId);
        Assert.True(invited.Succeeded, invited.Error);
        var mail = (await app.Mail.WaitForMailAsync(m => m.IsFor(email), TimeSpan.FromSeconds(30))).Single();
        var link = await app.Mail.LinkAsync(email, "/activate/");

        var browser = app.CreateClient(tenant.Host);
        var page = await browser.BodyAsync(link);
        Assert.Contains("Activate your account", page, StringComparison.Ordinal);
        Assert.Contains(email, page, StringComparison.Ordinal);

        var response = await browser.SetPasswordAsync(link, PortalClient.StrongPassword);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Location());
        var home = await browser.BodyAsync("/");
        Assert.Equal("Olivia Hart", PortalClient.SignedInName(home));
        Assert.Contains("Sign out", home, StringComparison.Ordinal);
        Assert.Contains("Olivia Hart", mail.Text ?? mail.Html, StringComparison.Ordinal);

        var flags = await app.InTenantScopeAsync(tenant, sp => sp.GetRequiredService<CustomerService>().GetAsync(customerId, CancellationToken.None));
        Assert.True(flags!.HasPortalAccount);
        Assert.NotNull(flags.LastPortalSignInUtc);
    }

    [Fact]
    public async Task A_weak_password_is_refused_with_the_hint_and_the_link_still_works()
    {
        var tenant = await app.CreateTenantAsync();
        var email = PortalClient.UniqueEmail("weak");
        var customerId = await app.CreateCustomerAsync(tenant, "Wes", "Weakley", email);
        await app.InviteAsync(tenant, customerId);
        var link = await app.Mail.LinkAsync(email, "/activate/");
        var browser = app.CreateClient(tenant.Host);

        var weak = await browser.SetPasswordAsync(link, "password123");
        Assert.Equal(HttpStatusCode.BadRequest, weak.StatusCode);
        var text = await weak.TextAsync();
        Assert.Contains("too easy to guess", text, StringComparison.Ordinal);
        Assert.Contains(Core.Security.PasswordPolicy.Hint, text, StringComparison.Ordinal);
        Assert.Null(PortalClient.PortalCookie(weak));

        var mismatch = await browser.SetPasswordAsync(link, PortalClient.StrongPassword, "Hedgerow-Lantern-49");
        Assert.Contains("don’t match", await mismatch.TextAsync(), StringComparison.Ordinal);

        var user = await app.UsersAsync(tenant, u => u.FindByEmailAsync(email, CancellationToken.None));
        Assert.Equal(PortalUserStatus.Invited, user!.Status);
        Assert.Null(user.PasswordHash);

        var strong = await browser.SetPasswordAsync(link, PortalClient.StrongPassword);
        Assert.Equal(HttpStatusCode.Redirect, strong.StatusCode);
    }

    [Fact]
    public async Task Reusing_an_activation_link_says_it_was_already_used()
    {
        var tenant = await app.CreateTenantAsync();
        var user = await app.ActivatedUserAsync(tenant);
        var link = await app.Mail.LinkAsync(user.Email, "/activate/");

        var stranger = app.CreateClient(tenant.Host);
        var page = await stranger.GetAsync(link);
        Assert.Equal(HttpStatusCode.Gone, page.StatusCode);
        var text = await page.TextAsync();
        Assert.Contains("This link was already used", text, StringComparison.Ordinal);
        Assert.Contains("Forgot your password?", text, StringComparison.Ordinal);

        // Posting the spent link (e.g. a second tab) changes nothing either.
        var post = await stranger.PostFormWithTokenAsync(link, [new("Password", "Another-Strong-Pass-77"), new("ConfirmPassword", "Another-Strong-Pass-77")], null);
        Assert.Equal(HttpStatusCode.Gone, post.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await app.CreateClient(tenant.Host).SignInAsync(user.Email, user.Password)).StatusCode);
    }

    [Fact]
    public async Task An_expired_activation_link_says_so_and_a_button_emails_a_fresh_one()
    {
        var tenant = await app.CreateTenantAsync();
        var email = PortalClient.UniqueEmail("late");
        var customerId = await app.CreateCustomerAsync(tenant, "Lou", "Later", email);
        await app.InviteAsync(tenant, customerId);
        var link = await app.Mail.LinkAsync(email, "/activate/");

        app.Clock.Advance(TimeSpan.FromDays(15));
        var browser = app.CreateClient(tenant.Host);
        var page = await browser.GetAsync(link);
        Assert.Equal(HttpStatusCode.Gone, page.StatusCode);
        var html = await page.TextAsync();
        Assert.Contains("This link has expired", html, StringComparison.Ordinal);
        Assert.Contains("Email me a new link", html, StringComparison.Ordinal);
        Assert.DoesNotContain(email, html, StringComparison.Ordinal);

        var renewed = await browser.PostFormWithTokenAsync(link + "/renew", [], FormPosting.AntiforgeryToken(html));
        Assert.Contains("Check your email", await renewed.TextAsync(), StringComparison.Ordinal);
        var fresh = await app.Mail.LinkAsync(email, "/activate/", link);
        Assert.NotEqual(link, fresh);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SetPasswordAsync(fresh, PortalClient.StrongPassword)).StatusCode);
    }

    [Fact]
    public async Task A_new_invitation_makes_the_older_link_stop_working()
    {
        var tenant = await app.CreateTenantAsync();
        var email = PortalClient.UniqueEmail("twice");
        var customerId = await app.CreateCustomerAsync(tenant, "Tess", "Twice", email);
        await app.InviteAsync(tenant, customerId);
        var first = await app.Mail.LinkAsync(email, "/activate/");
        Assert.True((await app.InviteAsync(tenant, customerId)).Succeeded);
        var second = await app.Mail.LinkAsync(email, "/activate/", first);

        var browser = app.CreateClient(tenant.Host);
        Assert.Equal(HttpStatusCode.Gone, (await browser.GetAsync(first)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(second)).StatusCode);
        Assert.Single(await app.UsersAsync(tenant, u => u.ListForCustomerAsync(customerId, CancellationToken.None)));
    }

    [Fact]
    public async Task An_activation_link_from_another_tenant_does_not_exist_there()
    {
        var tenantA = await app.CreateTenantAsync();
        var tenantB = await app.CreateTenantAsync();
        var email = PortalClient.UniqueEmail("crosslink");
        var customerId = await app.CreateCustomerAsync(tenantA, "Cory", "Cross", email);
        await app.InviteAsync(tenantA, customerId);
        var link = await app.Mail.LinkAsync(email, "/activate/");

        var onB = app.CreateClient(tenantB.Host);
        var page = await onB.GetAsync(link);
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Contains("This link isn’t valid", await page.TextAsync(), StringComparison.Ordinal);
        var post = await onB.PostFormWithTokenAsync(link, [new("Password", PortalClient.StrongPassword), new("ConfirmPassword", PortalClient.StrongPassword)], null);
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);

        // Still unused on its own tenant.
        Assert.Equal(HttpStatusCode.OK, (await app.CreateClient(tenantA.Host).GetAsync(link)).StatusCode);
    }

    [Fact]
    public async Task Inviting_a_customer_without_a_valid_email_is_refused_with_a_clear_message()
    {
        var tenant = await app.CreateTenantAsync();
        var customerId = await app.CreateCustomerAsync(tenant, "Nora", "Nomail", email: null);

        var result = await app.InviteAsync(tenant, customerId);

        Assert.False(result.Succeeded);
        Assert.Equal("Nora Nomail has no valid email address. Add one to the customer before sending a portal invitation.", result.Error);
        Assert.Empty(await app.UsersAsync(tenant, u => u.ListForCustomerAsync(customerId, CancellationToken.None)));
    }

    [Fact]
    public async Task Inviting_an_inactive_customer_is_refused()
    {
        var tenant = await app.CreateTenantAsync();
        var customerId = await app.CreateCustomerAsync(tenant, "Ian", "Inactive", PortalClient.UniqueEmail("inactive"));
        await app.InTenantScopeAsync(tenant, sp => sp.GetRequiredService<CustomerService>().DeactivateAsync(customerId, CancellationToken.None));

        var result = await app.InviteAsync(tenant, customerId);

        Assert.Equal("Ian Inactive is inactive. Reactivate the customer before inviting them to the portal.", result.Error);
    }
}
