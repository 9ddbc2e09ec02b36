using System.Net;
using OrchardPortal.Web.Testing;

namespace OrchardPortal.Tenants.Tests.Signup;

/// <summary>What a person sees on the signup form when something they typed is wrong.</summary>
public sealed class SignupFormTests(SqliteAppFixture fixture) : IClassFixture<SqliteAppFixture>
{
    private PortalApp App => fixture.App;

    [Theory]
    [InlineData("CompanyName", "", "Enter your company's name.")]
    [InlineData("CompanyName", "   ", "Enter your company's name.")]
    [InlineData("OwnerName", "", "Enter your name.")]
    [InlineData("OwnerEmail", "olivia-at-example.com", "Enter a valid email address")]
    [InlineData("OwnerEmail", "", "Enter a valid email address")]
    [InlineData("OwnerPassword", "short", "Use at least 10 characters.")]
    [InlineData("OwnerPassword", "password123", "too easy to guess")]
    [InlineData("OwnerPassword", "GreenAcres-2026!", "name, email or company name")]
    [InlineData("Subdomain", "", "Choose a subdomain for your portal.")]
    [InlineData("Subdomain", "ab", "Use 3 to 63 characters.")]
    [InlineData("Subdomain", "acme_lawns", "Use only lower-case letters")]
    [InlineData("Subdomain", "-acme", "can't start or end with a hyphen")]
    [InlineData("Subdomain", "admin", "is reserved")]
    [InlineData("Subdomain", "www", "is reserved")]
    [InlineData("RecipeName", "no-such-recipe", "Choose one of the listed starting points.")]
    public async Task An_invalid_field_redisplays_the_form_with_its_message_and_creates_nothing(string field, string value, string message)
    {
        var name = TestSupport.UniqueName();
        var fields = TestSupport.SignupFields(name).With(field, value);

        var response = await App.CreateHostClient().PostFormAsync("/signup", fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadHtmlAsync();
        Assert.Contains(message, page.FieldError(field), StringComparison.Ordinal);
        if (field != "RecipeName")
        {
            Assert.Equal("true", page.GetElementById(field)!.GetAttribute("aria-invalid"));
        }

        Assert.False(await App.StorageExistsAsync(name));
        Assert.Equal(HttpStatusCode.NotFound, (await App.ApiClient().GetAsync($"/api/tenants/{name}")).StatusCode);
    }

    [Fact]
    public async Task Bad_input_keeps_what_was_typed_except_the_password()
    {
        var name = TestSupport.UniqueName();
        var fields = TestSupport.SignupFields(name, "Kept Company Name").With("OwnerEmail", "not-an-email");

        var page = await (await App.CreateHostClient().PostFormAsync("/signup", fields)).ReadHtmlAsync();

        Assert.Equal("Kept Company Name", page.InputValue("CompanyName"));
        Assert.Equal(name, page.InputValue("Subdomain"));
        Assert.Equal("Olivia Owner", page.InputValue("OwnerName"));
        Assert.Equal("not-an-email", page.InputValue("OwnerEmail"));
        Assert.Null(page.InputValue("OwnerPassword"));
        Assert.DoesNotContain(TestSupport.GoodPassword, page.DocumentElement.OuterHtml, StringComparison.Ordinal);
        Assert.Contains(page.QuerySelectorAll(".alert-error a"), a => a.GetAttribute("href") == "#OwnerEmail");
    }

    [Fact]
    public async Task Signing_up_for_a_taken_subdomain_says_so_and_leaves_the_existing_tenant_alone()
    {
        var existing = await App.CreateTenantAsync(companyName: "Original Owner Lawns");

        var response = await App.CreateHostClient().PostFormAsync("/signup", TestSupport.SignupFields(existing.Name, "Impostor Lawns"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadHtmlAsync();
        Assert.Equal($"“{existing.Name}” is already taken. Try another subdomain.", page.FieldError("Subdomain"));
        var home = await App.CreateClient(existing.Host).GetStringAsync("/");
        Assert.Contains("Original Owner Lawns", home, StringComparison.Ordinal);
        Assert.True(await App.StorageExistsAsync(existing.Name));
    }

    [Fact]
    public async Task An_upper_case_subdomain_is_accepted_as_its_lower_case_form()
    {
        var name = TestSupport.UniqueName();

        var response = await App.CreateHostClient().PostFormAsync("/signup", TestSupport.SignupFields(name.ToUpperInvariant()));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"{name}.localhost", response.Headers.Location!.Host);
    }

    [Fact]
    public async Task The_signup_form_shows_the_address_suffix_the_password_hint_and_the_selectable_starting_points()
    {
        var client = App.CreateClient("localhost:5000");

        var page = await (await client.GetAsync("/signup")).ReadHtmlAsync();

        Assert.Equal(".localhost:5000", page.GetElementById("Subdomain-suffix")!.TextContent.Trim());
        Assert.Equal(OrchardPortal.Core.Security.PasswordPolicy.Hint, page.GetElementById("OwnerPassword-hint")!.TextContent.Trim());
        var recipes = page.QuerySelectorAll("input[name=RecipeName]").Select(r => r.GetAttribute("value")).ToList();
        Assert.Equal(["default", "demo"], recipes);
        Assert.True(page.GetElementById("RecipeName-default")!.HasAttribute("checked"));
        Assert.NotNull(page.QuerySelector("script[src^='/_content/OrchardPortal.Tenants/signup.js']"));
        foreach (var input in page.QuerySelectorAll("form#signup-form input:not([type=hidden])"))
        {
            Assert.NotNull(page.QuerySelector($"label[for='{input.Id}']"));
        }
    }

    [Fact]
    public async Task Signup_exists_only_on_the_host_site()
    {
        var tenant = await App.CreateTenantAsync();

        var response = await App.CreateClient(tenant.Host).GetAsync("/signup");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
