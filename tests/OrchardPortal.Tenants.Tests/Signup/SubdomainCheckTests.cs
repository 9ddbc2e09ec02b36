using System.Net;
using System.Net.Http.Json;
using OrchardPortal.Tenants.Pages.HostSite.Signup;
using OrchardPortal.Web.Testing;

namespace OrchardPortal.Tenants.Tests.Signup;

/// <summary>The as-you-type availability check behind the signup form.</summary>
public sealed class SubdomainCheckTests(SqliteAppFixture fixture) : IClassFixture<SqliteAppFixture>
{
    private PortalApp App => fixture.App;

    [Fact]
    public async Task A_free_name_is_reported_available()
    {
        var name = TestSupport.UniqueName();

        var result = await CheckAsync(name);

        Assert.True(result.Available);
        Assert.Equal(name, result.Subdomain);
        Assert.Equal($"“{name}” is available.", result.Message);
    }

    [Fact]
    public async Task A_taken_name_is_reported_with_a_free_alternative()
    {
        var tenant = await App.CreateTenantAsync();

        var result = await CheckAsync(tenant.Name);

        Assert.False(result.Available);
        Assert.Contains("already taken", result.Message, StringComparison.Ordinal);
        Assert.Equal($"{tenant.Name}-2", result.Suggestion);
        Assert.True((await CheckAsync(result.Suggestion!)).Available);
    }

    [Theory]
    [InlineData("admin", "is reserved")]
    [InlineData("a", "Use 3 to 63 characters.")]
    [InlineData("bad name", "Use only lower-case letters")]
    [InlineData("", "Choose a subdomain")]
    public async Task An_unusable_name_is_reported_with_the_reason(string subdomain, string reason)
    {
        var result = await CheckAsync(subdomain);

        Assert.False(result.Available);
        Assert.Contains(reason, result.Message, StringComparison.Ordinal);
        Assert.Null(result.Suggestion);
    }

    [Fact]
    public async Task The_check_normalises_what_was_typed_and_is_never_cached()
    {
        var name = TestSupport.UniqueName();

        var response = await App.CreateHostClient().GetAsync($"/signup/check?subdomain=%20{name.ToUpperInvariant()}%20");

        Assert.True(response.Headers.CacheControl?.NoStore);
        var result = await response.Content.ReadFromJsonAsync<SubdomainCheckResponse>();
        Assert.Equal(name, result!.Subdomain);
        Assert.True(result.Available);
    }

    [Fact]
    public async Task A_name_becomes_unavailable_once_someone_signs_up_for_it()
    {
        var name = TestSupport.UniqueName();
        Assert.True((await CheckAsync(name)).Available);

        await App.CreateHostClient().PostFormAsync("/signup", TestSupport.SignupFields(name));

        Assert.False((await CheckAsync(name)).Available);
    }

    private async Task<SubdomainCheckResponse> CheckAsync(string subdomain)
    {
        var response = await App.CreateHostClient().GetAsync($"/signup/check?subdomain={Uri.EscapeDataString(subdomain)}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<SubdomainCheckResponse>())!;
    }
}
