using System.Net;
using OrchardPortal.Portal.Tests.Infrastructure;
using OrchardPortal.Web.Testing;

namespace OrchardPortal.Portal.Tests.Admin;

public sealed class TemplateOverrideTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private const string EditHome = "/admin/portal/templates/edit?view=Home";

    private static Task<HttpResponseMessage> SaveAsync(HttpClient owner, string url, string source) =>
        owner.PostFormAsync(url, [new("Source", source)]);

    [Fact]
    public async Task The_template_list_shows_every_view_of_the_theme()
    {
        var tenant = await portal.CreateTenantAsync();
        var owner = await portal.SignInOwnerAsync(tenant);

        var (status, page) = await owner.GetPageAsync("/admin/portal/templates");

        Assert.Equal(HttpStatusCode.OK, status);
        foreach (var view in new[] { "Layout", "Home", "Invoices", "SignIn", "NotFound", "Emails/Layout" })
        {
            Assert.Contains($"<code>{view}</code>", page, StringComparison.Ordinal);
        }

        Assert.Contains("Theme default", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_editor_shows_the_original_beside_the_editable_version()
    {
        var tenant = await portal.CreateTenantAsync();
        var owner = await portal.SignInOwnerAsync(tenant);

        var (status, page) = await owner.GetPageAsync(EditHome);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("<label class=\"label\" for=\"Source\">Your version</label>", page, StringComparison.Ordinal);
        Assert.Contains("<label class=\"label\" for=\"Original\">Theme’s original</label>", page, StringComparison.Ordinal);
        Assert.Contains("Welcome to {{ site.company_name }}", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await owner.GetAsync("/admin/portal/templates/edit?view=../theme")).StatusCode);
    }

    [Fact]
    public async Task A_saved_override_is_what_customers_see_and_reset_brings_back_the_original()
    {
        var tenant = await portal.CreateTenantAsync(companyName: "Cedar Trees");
        var owner = await portal.SignInOwnerAsync(tenant);
        var visitor = portal.CreateClient(tenant.Host);

        var saved = await SaveAsync(owner, EditHome, "<h1>Spring specials at {{ site.company_name | upcase }}</h1>");
        var customised = (await visitor.GetPageAsync("/")).Body;
        var list = (await owner.GetPageAsync("/admin/portal/templates")).Body;
        var reset = await owner.PostFormAsync(EditHome, [], postUrl: "/admin/portal/templates/edit?view=Home&handler=Reset");
        var original = (await visitor.GetPageAsync("/")).Body;

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("<h1>Spring specials at CEDAR TREES</h1>", customised, StringComparison.Ordinal);
        Assert.Contains("<nav class=\"tabs\"", customised, StringComparison.Ordinal);
        Assert.Contains("Customised", list, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        Assert.DoesNotContain("Spring specials", original, StringComparison.Ordinal);
        Assert.Contains("Welcome to Cedar Trees", original, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_syntax_error_is_shown_with_its_line_and_column_and_nothing_is_saved()
    {
        var tenant = await portal.CreateTenantAsync();
        var owner = await portal.SignInOwnerAsync(tenant);

        var response = await SaveAsync(owner, EditHome, "<h1>Hello</h1>\n<p>\n  {% if site.company_name %}\n  Oops\n</p>\n");
        var page = await response.TextAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Matches(@"Not saved\.</strong> Line \d+, column \d+: ", page);
        Assert.Contains("data-goto-line=", page, StringComparison.Ordinal);
        Assert.Contains("  Oops", page, StringComparison.Ordinal);
        Assert.Contains("Welcome to", (await portal.CreateClient(tenant.Host).GetPageAsync("/")).Body, StringComparison.Ordinal);
        Assert.Contains("Theme default", (await owner.GetPageAsync("/admin/portal/templates")).Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unclosed_output_reports_the_line_and_column_where_it_starts()
    {
        var tenant = await portal.CreateTenantAsync();
        var owner = await portal.SignInOwnerAsync(tenant);

        var page = await (await SaveAsync(owner, EditHome, "<p>one</p>\n<p>two {{ site.company_name </p>\n")).TextAsync();

        Assert.Contains("Line 2, column 8:", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_template_that_fails_when_tried_is_refused_before_saving()
    {
        var tenant = await portal.CreateTenantAsync();
        var owner = await portal.SignInOwnerAsync(tenant);

        var page = await (await SaveAsync(owner, EditHome, "{% for i in (1..1000000) %}{{ i }}{% endfor %}")).TextAsync();

        Assert.Contains("Not saved.", page, StringComparison.Ordinal);
        Assert.Contains("loops too many times", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_override_that_breaks_on_a_live_page_falls_back_to_the_original_and_staff_see_why()
    {
        var tenant = await portal.CreateTenantAsync(companyName: "Willow Pools");
        var owner = await portal.SignInOwnerAsync(tenant);
        var visitor = portal.CreateClient(tenant.Host);
        // Passes the editor's trial render (no page path there) but fails on the real home page.
        var saved = await SaveAsync(owner, EditHome, "{% if page.path == '/' %}{{ 10 | divided_by: 0 }}{% endif %}<h1>Custom</h1>");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var (status, page) = await visitor.GetPageAsync("/");
        var (againStatus, _) = await visitor.GetPageAsync("/");
        var list = (await owner.GetPageAsync("/admin/portal/templates")).Body;
        var editor = (await owner.GetPageAsync(EditHome)).Body;

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(HttpStatusCode.OK, againStatus);
        Assert.Contains("Welcome to Willow Pools", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<h1>Custom</h1>", page, StringComparison.Ordinal);
        Assert.Contains("Failing — theme version shown", list, StringComparison.Ordinal);
        Assert.Contains("Your version of this template failed", editor, StringComparison.Ordinal);
        Assert.Contains("divided_by", editor, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_broken_layout_override_falls_back_without_losing_the_page()
    {
        var tenant = await portal.CreateTenantAsync(companyName: "Aspen Roofing");
        var owner = await portal.SignInOwnerAsync(tenant);
        await SaveAsync(owner, "/admin/portal/templates/edit?view=Layout", "{% if page.path == '/' %}{{ 1 | modulo: 0 }}{% endif %}<main>{% render_body %}</main>");

        var (status, page) = await portal.CreateClient(tenant.Host).GetPageAsync("/");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Welcome to Aspen Roofing", page, StringComparison.Ordinal);
        Assert.Contains("Skip to main content", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task One_tenants_override_never_changes_another_tenants_portal()
    {
        var first = await portal.CreateTenantAsync(companyName: "First Mowing");
        var second = await portal.CreateTenantAsync(companyName: "Second Mowing");
        var owner = await portal.SignInOwnerAsync(first);
        var secondVisitor = portal.CreateClient(second.Host);
        Assert.Contains("Welcome to Second Mowing", (await secondVisitor.GetPageAsync("/")).Body, StringComparison.Ordinal);

        await SaveAsync(owner, EditHome, "<h1>Only for the first tenant</h1>");

        Assert.Contains("Only for the first tenant", (await portal.CreateClient(first.Host).GetPageAsync("/")).Body, StringComparison.Ordinal);
        var secondPage = (await secondVisitor.GetPageAsync("/")).Body;
        Assert.DoesNotContain("Only for the first tenant", secondPage, StringComparison.Ordinal);
        Assert.Contains("Welcome to Second Mowing", secondPage, StringComparison.Ordinal);
        Assert.Contains("Theme default", (await (await portal.SignInOwnerAsync(second)).GetPageAsync("/admin/portal/templates")).Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_override_cannot_reach_the_staff_cookie_or_server_objects()
    {
        var tenant = await portal.CreateTenantAsync();
        var owner = await portal.SignInOwnerAsync(tenant);

        await SaveAsync(owner, EditHome, "[{{ request.cookies }}][{{ site.Tenant }}][{{ site.company_name.Length }}][{{ portal.customer.id }}]");

        var page = (await portal.CreateClient(tenant.Host).GetPageAsync("/")).Body;
        Assert.Contains("[][][][]", page, StringComparison.Ordinal);
    }
}
