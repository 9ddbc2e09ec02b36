using System.Net;
using OrchardPortal.Portal.Tests.Infrastructure;

namespace OrchardPortal.Portal.Tests.Portal;

public sealed class PortalPagesTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task The_home_page_is_themed_with_the_company_name_and_the_default_tabs()
    {
        var tenant = await portal.CreateTenantAsync(companyName: "Maple Grounds Care");
        var visitor = portal.CreateClient(tenant.Host);

        var response = await visitor.GetAsync("/");
        var page = await response.TextAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<h1 id=\"home-title\">Welcome to Maple Grounds Care</h1>", page, StringComparison.Ordinal);
        Assert.Contains("<title>Maple Grounds Care</title>", page, StringComparison.Ordinal);
        Assert.Equal(["Home", "Payments", "Invoices", "History"], Html.NavigationTabs(page));
        Assert.Contains("href=\"/admin/login\"", page, StringComparison.Ordinal);
        Assert.Contains("/themes/meadow/meadow.css?v=", page, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Values_from_the_tenant_are_html_escaped_on_portal_pages()
    {
        var tenant = await portal.CreateTenantAsync(companyName: "Bob <script>alert(1)</script> & Sons");
        var visitor = portal.CreateClient(tenant.Host);

        var raw = await (await visitor.GetAsync("/")).Content.ReadAsStringAsync();

        Assert.DoesNotContain("<script>alert(1)</script>", raw, StringComparison.Ordinal);
        Assert.Contains("Bob &lt;script&gt;alert(1)&lt;/script&gt; &amp; Sons", raw, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_tab_asks_a_visitor_who_is_not_signed_in_to_sign_in()
    {
        var tenant = await portal.CreateTenantAsync();
        var visitor = portal.CreateClient(tenant.Host);

        var (status, page) = await visitor.GetPageAsync("/invoices");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("<h1 id=\"sign-in-title\">Sign in</h1>", page, StringComparison.Ordinal);
        Assert.Contains("Sign in to see your invoices.", page, StringComparison.Ordinal);
        Assert.Contains("<label for=\"sign-in-login\">Email or account number</label>", page, StringComparison.Ordinal);
        Assert.Contains("<label for=\"sign-in-password\">Password</label>", page, StringComparison.Ordinal);
        Assert.Contains("Forgot your password?", page, StringComparison.Ordinal);
        Assert.Contains("name=\"ReturnUrl\" value=\"/invoices\"", page, StringComparison.Ordinal);
        Assert.Contains("name=\"__RequestVerificationToken\"", page, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/invoices\" aria-current=\"page\">Invoices</a>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_sign_in_page_keeps_only_local_return_addresses()
    {
        var tenant = await portal.CreateTenantAsync();
        var visitor = portal.CreateClient(tenant.Host);

        var (_, local) = await visitor.GetPageAsync("/sign-in?returnUrl=%2Fpayments");
        var (_, foreign) = await visitor.GetPageAsync("/sign-in?returnUrl=%2F%2Fevil.example%2F");

        Assert.Contains("name=\"ReturnUrl\" value=\"/payments\"", local, StringComparison.Ordinal);
        Assert.Contains("name=\"ReturnUrl\" value=\"/\"", foreign, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_signed_in_customer_sees_the_tab_page()
    {
        var tenant = await portal.CreateTenantAsync();
        var customer = portal.CreateCustomerClient(tenant.Host, "cust-1");

        var (status, page) = await customer.GetPageAsync("/payments");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("<h1>Payments</h1>", page, StringComparison.Ordinal);
        Assert.Contains("No payments yet", page, StringComparison.Ordinal);
        Assert.Contains("<title>Payments · ", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_home_page_answers_head_requests_from_uptime_monitors()
    {
        var tenant = await portal.CreateTenantAsync();

        var response = await portal.CreateClient(tenant.Host).SendAsync(new HttpRequestMessage(HttpMethod.Head, "/"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task An_unknown_address_on_a_tenant_gets_the_themed_not_found_page()
    {
        var tenant = await portal.CreateTenantAsync(companyName: "Oak Pest Control");
        var visitor = portal.CreateClient(tenant.Host);

        var (status, page) = await visitor.GetPageAsync("/no-such-page");

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Contains("<h1 id=\"not-found-title\">Page not found</h1>", page, StringComparison.Ordinal);
        Assert.Contains("Oak Pest Control", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Theme_assets_are_served_with_long_caching_for_versioned_urls_and_never_outside_the_theme()
    {
        var tenant = await portal.CreateTenantAsync();
        var visitor = portal.CreateClient(tenant.Host);
        var page = await (await visitor.GetAsync("/")).Content.ReadAsStringAsync();
        var cssUrl = System.Text.RegularExpressions.Regex.Match(page, "href=\"(/themes/meadow/meadow\\.css\\?v=[0-9a-f]+)\"").Groups[1].Value;

        var css = await visitor.GetAsync(cssUrl);
        var traversal = await visitor.GetAsync("/themes/meadow/..%2Ftheme.json");
        var onHost = await portal.CreateClient("localhost").GetAsync("/themes/meadow/meadow.css");

        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        Assert.Equal("text/css", css.Content.Headers.ContentType?.MediaType);
        Assert.Contains("immutable", css.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, traversal.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, onHost.StatusCode);
    }
}
