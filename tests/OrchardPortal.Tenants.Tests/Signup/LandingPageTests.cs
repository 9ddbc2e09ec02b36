using System.Net;
using OrchardPortal.Web.Testing;

namespace OrchardPortal.Tenants.Tests.Signup;

/// <summary>The host site's front door.</summary>
public sealed class LandingPageTests(SqliteAppFixture fixture) : IClassFixture<SqliteAppFixture>
{
    private PortalApp App => fixture.App;

    [Fact]
    public async Task The_host_site_home_page_explains_the_product_and_leads_to_signup()
    {
        var response = await App.CreateHostClient().GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadHtmlAsync();
        Assert.Equal("Your own customer portal, live in a minute", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains(page.QuerySelectorAll("a[href='/signup']"), a => a.TextContent.Trim() == "Create your portal");
        Assert.Contains("pest control", page.Body!.TextContent, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("en", page.DocumentElement.GetAttribute("lang"));
        Assert.NotNull(page.QuerySelector("a.skip-link[href='#main']"));
    }

    [Fact]
    public async Task The_host_site_serves_its_own_stylesheet_and_script_without_any_CDN()
    {
        var client = App.CreateHostClient();
        var page = await (await client.GetAsync("/")).ReadHtmlAsync();

        var external = page.QuerySelectorAll("link[href], script[src]")
            .Select(e => e.GetAttribute("href") ?? e.GetAttribute("src")!)
            .Where(u => u.StartsWith("http", StringComparison.Ordinal) || u.StartsWith("//", StringComparison.Ordinal));
        Assert.Empty(external);
        var css = await client.GetAsync("/_content/OrchardPortal.Tenants/host.css");
        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        Assert.Equal("text/css", css.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/_content/OrchardPortal.Tenants/signup.js")).StatusCode);
    }

    [Fact]
    public async Task A_tenant_host_shows_its_own_portal_not_the_host_landing_page()
    {
        var tenant = await App.CreateTenantAsync(companyName: "Tenant Home Lawns");

        var html = await App.CreateClient(tenant.Host).GetStringAsync("/");

        Assert.DoesNotContain("Your own customer portal, live in a minute", html, StringComparison.Ordinal);
        Assert.Contains("Tenant Home Lawns", html, StringComparison.Ordinal);
    }
}
