using System.Net;
using OrchardPortal.Portal.Tests.Infrastructure;
using OrchardPortal.Web.Testing;

namespace OrchardPortal.Portal.Tests.Admin;

public sealed class ThemeSettingsTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private const string Page = "/admin/portal/theme";

    private static KeyValuePair<string, string>[] Form(string company, string theme, string background) =>
        [new("Input.CompanyName", company), new("Input.ThemeColor", theme), new("Input.BackgroundColor", background)];

    [Fact]
    public async Task A_new_colour_shows_on_the_very_next_portal_page_with_readable_text()
    {
        var tenant = await portal.CreateTenantAsync(companyName: "Birch Cleaning");
        var owner = await portal.SignInOwnerAsync(tenant);
        var visitor = portal.CreateClient(tenant.Host);
        var before = (await visitor.GetPageAsync("/")).Body;
        Assert.Contains("--primary:#2f6b3a;--on-primary:#ffffff", before, StringComparison.Ordinal);

        var saved = await owner.PostFormAsync(Page, Form("Birch Cleaning", "#FFD600", "#1e293b"));
        var after = (await visitor.GetPageAsync("/")).Body;

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("--primary:#ffd600;--on-primary:#000000", after, StringComparison.Ordinal);
        Assert.Contains("--bg:#1e293b;--on-bg:#ffffff", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_company_name_set_here_is_shown_in_the_portal_and_the_admin()
    {
        var tenant = await portal.CreateTenantAsync(companyName: "Old Name Landscaping");
        var owner = await portal.SignInOwnerAsync(tenant);

        await owner.PostFormAsync(Page, Form("New Name Landscaping", "#2f6b3a", "#f4f6f0"));

        Assert.Contains("Welcome to New Name Landscaping", (await portal.CreateClient(tenant.Host).GetPageAsync("/")).Body, StringComparison.Ordinal);
        Assert.Contains(">New Name Landscaping</a>", (await owner.GetPageAsync("/admin")).Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("green", "#ffffff", "Enter the theme colour as a hex colour")]
    [InlineData("#12345", "#ffffff", "Enter the theme colour as a hex colour")]
    [InlineData("#2f6b3a", "#zzzzzz", "Enter the background colour as a hex colour")]
    public async Task A_colour_that_is_not_hex_is_refused_with_a_message_and_nothing_changes(string theme, string background, string message)
    {
        var tenant = await portal.CreateTenantAsync();
        var owner = await portal.SignInOwnerAsync(tenant);

        var response = await owner.PostFormAsync(Page, Form("Renamed Co", theme, background));
        var page = await response.TextAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, page, StringComparison.Ordinal);
        var portalPage = (await portal.CreateClient(tenant.Host).GetPageAsync("/")).Body;
        Assert.Contains("--primary:#2f6b3a;", portalPage, StringComparison.Ordinal);
        Assert.DoesNotContain("Renamed Co", portalPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_theme_page_has_labelled_colour_pickers_and_a_text_colour_preview()
    {
        var tenant = await portal.CreateTenantAsync();
        var owner = await portal.SignInOwnerAsync(tenant);

        var (status, page) = await owner.GetPageAsync(Page);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("<label class=\"label\" for=\"Input_ThemeColor\">Theme colour</label>", page, StringComparison.Ordinal);
        Assert.Contains("<label class=\"label\" for=\"Input_ThemeColor_picker\">Pick the theme colour</label>", page, StringComparison.Ordinal);
        Assert.Contains("type=\"color\" id=\"Input_ThemeColor_picker\"", page, StringComparison.Ordinal);
        Assert.Contains("background:#2f6b3a;color:#ffffff", page, StringComparison.Ordinal);
        Assert.Contains("White text", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Choosing_colours_ticks_the_branding_step_on_the_dashboard()
    {
        var tenant = await portal.CreateTenantAsync();
        var owner = await portal.SignInOwnerAsync(tenant);
        Assert.Contains("<a href=\"/admin/portal/theme\">Brand your portal</a>", (await owner.GetPageAsync("/admin")).Body, StringComparison.Ordinal);

        await owner.PostFormAsync(Page, Form("Branded Co", "#7c3aed", "#faf5ff"));

        Assert.DoesNotContain("<a href=\"/admin/portal/theme\">Brand your portal</a>", (await owner.GetPageAsync("/admin")).Body, StringComparison.Ordinal);
    }
}
