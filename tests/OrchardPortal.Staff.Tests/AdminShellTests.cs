using System.Net;
using OrchardPortal.Staff.Tests.Infrastructure;

namespace OrchardPortal.Staff.Tests;

public sealed class AdminShellTests(SqliteStaffPortal portal) : IClassFixture<SqliteStaffPortal>
{
    [Fact]
    public async Task The_admin_shell_shows_the_company_the_signed_in_owner_their_menu_and_owner_navigation()
    {
        var tenant = await portal.CreateTenantAsync(companyName: "Maple Pest Control");
        var (owner, _) = await portal.SignInOwnerAsync(tenant);

        var page = await owner.BodyAsync("/admin");

        Assert.Contains("<a class=\"brand\" href=\"/admin\">Maple Pest Control</a>", page, StringComparison.Ordinal);
        Assert.Contains("Olivia Owner", page, StringComparison.Ordinal);
        Assert.Contains("href=\"/admin/account/password\"", page, StringComparison.Ordinal);
        Assert.Contains("action=\"/admin/logout\"", page, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/admin/staff\">Staff</a>", page, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/admin\" aria-current=\"page\">Dashboard</a>", page, StringComparison.Ordinal);
        Assert.True(page.IndexOf(">Dashboard<", StringComparison.Ordinal) < page.IndexOf(">Staff<", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_dashboard_lists_the_getting_started_steps_and_the_public_portal_address()
    {
        var tenant = await portal.CreateTenantAsync();
        var (owner, _) = await portal.SignInOwnerAsync(tenant);

        var page = await owner.BodyAsync("/admin");

        foreach (var step in new[] { "Brand your portal", "Add your customers", "Invite your customers", "Connect payments" })
        {
            Assert.Contains(step, page, StringComparison.Ordinal);
        }

        Assert.Contains($"http://{tenant.Host}/", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Opening_a_new_tenants_address_shows_a_page_with_the_company_name()
    {
        var tenant = await portal.CreateTenantAsync(companyName: "Sunrise Cleaning");
        var client = portal.CreateClient(tenant.Host);

        var page = await client.BodyAsync("/");

        // Until the customer portal takes "/" over, the Admin module's placeholder answers with a sign-in link.
        Assert.Contains("Sunrise Cleaning", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_admin_stylesheet_is_served_to_tenants()
    {
        var tenant = await portal.CreateTenantAsync();
        var client = portal.CreateClient(tenant.Host);

        var css = await client.GetAsync("/_content/OrchardPortal.Admin/admin.css");
        var script = await client.GetAsync("/_content/OrchardPortal.Staff/password-strength.js");

        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        Assert.Equal("text/css", css.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
    }

    [Fact]
    public async Task Staff_pages_do_not_exist_on_the_host_site()
    {
        var host = portal.CreateClient("localhost");

        Assert.Equal(HttpStatusCode.NotFound, (await host.GetAsync("/admin/login")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await host.GetAsync("/admin/handoff?token=x")).StatusCode);
    }

    [Fact]
    public async Task A_form_field_with_an_error_is_marked_invalid_and_described_by_its_message()
    {
        var tenant = await portal.CreateTenantAsync();
        var client = portal.CreateClient(tenant.Host);

        var response = await client.LoginAsync("", "");
        var page = await response.TextAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Enter your email address.", page, StringComparison.Ordinal);
        Assert.Matches("<input[^>]*aria-invalid=\"true\"[^>]*name=\"Input.Email\"|<input[^>]*name=\"Input.Email\"[^>]*aria-invalid=\"true\"", page);
        Assert.Contains("<label class=\"label\" for=\"Input_Email\">Email</label>", page, StringComparison.Ordinal);
    }
}
