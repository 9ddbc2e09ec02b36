using System.Net;
using OrchardPortal.Content.Tests.Infrastructure;
using OrchardPortal.Web.Testing;
using static OrchardPortal.Content.Tests.Infrastructure.ContentClient;

namespace OrchardPortal.Content.Tests;

/// <summary>Writing the home text: drafts, publishing, versions and restoring, on both storage providers.</summary>
public abstract class HomeContentTests(ContentPortal portal)
{
    private PortalApp App => portal.App;

    [Fact]
    public async Task A_new_portal_starts_with_the_recipes_welcome_text_as_version_1()
    {
        var tenant = await App.CreateTenantAsync(companyName: "Fox & Sons Gardening");
        var staff = await App.SignedInOwnerAsync(tenant);

        var home = Text(await App.CreateClient(tenant.Host).PageAsync("/"));
        var editor = Text(await staff.PageAsync(HomeEditorPage));

        Assert.Contains("Thanks for choosing Fox & Sons Gardening", home, StringComparison.Ordinal);
        Assert.Contains("Version 1, published", editor, StringComparison.Ordinal);
        Assert.Contains("by Portal setup", editor, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_demo_portal_starts_with_the_lawn_care_welcome_text()
    {
        var tenant = await App.CreateTenantAsync(recipe: "demo", companyName: "Evergreen Yards");

        var home = Text(await App.CreateClient(tenant.Host).PageAsync("/"));

        Assert.Contains("Your lawn, looked after", home, StringComparison.Ordinal);
        Assert.Contains("Thanks for choosing Evergreen Yards", home, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_saved_draft_stays_private_until_it_is_published()
    {
        var tenant = await App.CreateTenantAsync();
        var staff = await App.SignedInOwnerAsync(tenant);
        var visitor = App.CreateClient(tenant.Host);

        var saved = await staff.SubmitHomeAsync("Save", "<h2>Spring special</h2><p>Aeration is 20% off in April.</p>");

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var editor = await staff.PageAsync(HomeEditorPage);
        Assert.Contains("Draft saved.", Text(editor), StringComparison.Ordinal);
        Assert.Contains("Unpublished changes", Text(editor), StringComparison.Ordinal);
        Assert.Contains("Aeration is 20% off in April.", WebUtility.HtmlDecode(editor), StringComparison.Ordinal);
        Assert.DoesNotContain("Aeration", Text(await visitor.PageAsync("/")), StringComparison.Ordinal);

        var published = await staff.SubmitHomeAsync("Publish", "<h2>Spring special</h2><p>Aeration is 20% off in April.</p>");

        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        Assert.Contains("Published version 2.", Text(await staff.PageAsync(HomeEditorPage)), StringComparison.Ordinal);
        var home = await visitor.PageAsync("/");
        Assert.Contains("<h2>Spring special</h2><p>Aeration is 20% off in April.</p>", home, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Published_text_is_sanitised_before_customers_see_it()
    {
        var tenant = await App.CreateTenantAsync();
        var staff = await App.SignedInOwnerAsync(tenant);

        await staff.SubmitHomeAsync("Publish", "<p onclick=\"steal()\">Call us <a href=\"javascript:steal()\">today</a></p><script>steal()</script><iframe src=\"https://evil.example\"></iframe><p><a href=\"https://example.com\" target=\"_blank\">Our reviews</a></p>");

        var home = await App.CreateClient(tenant.Host).PageAsync("/");
        Assert.Contains("<p>Call us <a>today</a></p>", home, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://example.com\" target=\"_blank\" rel=\"noopener noreferrer\">Our reviews</a>", home, StringComparison.Ordinal);
        Assert.DoesNotContain("steal()", home, StringComparison.Ordinal);
        Assert.DoesNotContain("evil.example", home, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Restoring_a_version_puts_it_in_the_draft_and_publishing_makes_it_live_again()
    {
        var tenant = await App.CreateTenantAsync();
        var staff = await App.SignedInOwnerAsync(tenant);
        var visitor = App.CreateClient(tenant.Host);
        await staff.SubmitHomeAsync("Publish", "<p>Alpha text</p>");
        await staff.SubmitHomeAsync("Publish", "<p>Beta text</p>");

        var restored = await staff.PostFormAsync(HomeEditorPage, [], $"{HomeEditorPage}?handler=Restore&version=2");

        Assert.Equal(HttpStatusCode.Redirect, restored.StatusCode);
        var editor = await staff.PageAsync(HomeEditorPage);
        Assert.Contains("Version 2 is now your draft.", Text(editor), StringComparison.Ordinal);
        Assert.Contains("&lt;p&gt;Alpha text&lt;/p&gt;</textarea>", editor, StringComparison.Ordinal);
        Assert.Contains("Beta text", Text(await visitor.PageAsync("/")), StringComparison.Ordinal);

        await staff.SubmitHomeAsync("Publish", "<p>Alpha text</p>");

        Assert.Contains("Alpha text", Text(await visitor.PageAsync("/")), StringComparison.Ordinal);
        var versions = Text(await staff.PageAsync(HomeEditorPage));
        Assert.Contains("Version 4 Live", versions, StringComparison.Ordinal);
        Assert.Contains("Version 3", versions, StringComparison.Ordinal);
        Assert.Contains(tenant.OwnerName, versions, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Restoring_a_version_that_does_not_exist_says_so_and_changes_nothing()
    {
        var tenant = await App.CreateTenantAsync();
        var staff = await App.SignedInOwnerAsync(tenant);
        await staff.SubmitHomeAsync("Save", "<p>Work in progress</p>");

        var response = await staff.PostFormAsync(HomeEditorPage, [], $"{HomeEditorPage}?handler=Restore&version=99");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("That version doesn't exist.", Text(page), StringComparison.Ordinal);
        Assert.Contains("Work in progress", WebUtility.HtmlDecode(await staff.PageAsync(HomeEditorPage)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Text_over_the_limit_is_refused_with_a_message_and_nothing_changes()
    {
        var tenant = await App.CreateTenantAsync();
        var staff = await App.SignedInOwnerAsync(tenant);

        var response = await staff.SubmitHomeAsync("Publish", "<p>" + new string('x', 500_001) + "</p>");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("The text is too long to save", Text(page), StringComparison.Ordinal);
        Assert.Contains("aria-invalid=\"true\"", page, StringComparison.Ordinal);
        Assert.Contains("Version 1, published", Text(await staff.PageAsync(HomeEditorPage)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_visitor_cannot_save_or_publish()
    {
        var tenant = await App.CreateTenantAsync();
        var visitor = App.CreateClient(tenant.Host);

        var response = await visitor.PostAsync($"{HomeEditorPage}?handler=Publish", new FormUrlEncodedContent([new("Html", "<p>Defaced</p>")]));

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("Defaced", await visitor.PageAsync("/"), StringComparison.Ordinal);
    }
}

public sealed class SqliteHomeContentTests(SqliteContentPortal portal) : HomeContentTests(portal), IClassFixture<SqliteContentPortal>;

public sealed class PostgresHomeContentTests(PostgresContentPortal portal) : HomeContentTests(portal), IClassFixture<PostgresContentPortal>;
