using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using OrchardPortal.Tenants.Api;
using OrchardPortal.Web.Testing;

namespace OrchardPortal.Tenants.Tests.Api;

/// <summary>The operator JSON API: authorisation, validation, state changes, listing.</summary>
public sealed class OperatorApiTests(SqliteAppFixture fixture) : IClassFixture<SqliteAppFixture>
{
    private PortalApp App => fixture.App;

    [Theory]
    [InlineData(null)]
    [InlineData("not-a-real-key")]
    [InlineData("")]
    public async Task Without_a_valid_key_every_call_answers_401_problem_details(string? key)
    {
        var client = App.CreateHostClient();
        if (key is not null)
        {
            client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", "Bearer " + key);
        }

        var name = TestSupport.UniqueName();
        var responses = new[]
        {
            await client.GetAsync("/api/tenants"),
            await client.PostAsJsonAsync("/api/tenants", ApiTestBodies.Valid(name)),
            await client.DeleteAsync("/api/tenants/anything"),
        };

        foreach (var response in responses)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
            using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.Equal(401, problem.RootElement.GetProperty("status").GetInt32());
        }

        Assert.False(await App.StorageExistsAsync(name));
    }

    [Fact]
    public async Task An_operator_signed_in_with_the_cookie_still_needs_a_key_for_the_API()
    {
        var client = await App.SignedInOperatorAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/tenants")).StatusCode);
    }

    [Fact]
    public async Task Invalid_fields_answer_400_with_an_error_per_field_and_create_nothing()
    {
        var name = TestSupport.UniqueName();
        var body = new CreateTenantRequest("", name, "Arthur Api", "not-an-email", "short", "no-such-recipe");

        var response = await App.ApiClient().PostAsJsonAsync("/api/tenants", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var errors = problem.RootElement.GetProperty("errors");
        Assert.Equal(["companyName", "ownerEmail", "ownerPassword", "recipe"], errors.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal("Use at least 10 characters.", errors.GetProperty("ownerPassword")[0].GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await App.ApiClient().GetAsync($"/api/tenants/{name}")).StatusCode);
        Assert.False(await App.StorageExistsAsync(name));
    }

    [Fact]
    public async Task A_taken_or_reserved_subdomain_answers_400_on_the_subdomain_field()
    {
        var existing = await App.CreateTenantAsync();

        var taken = await App.ApiClient().PostAsJsonAsync("/api/tenants", ApiTestBodies.Valid(existing.Name));
        var reserved = await App.ApiClient().PostAsJsonAsync("/api/tenants", ApiTestBodies.Valid("admin"));

        Assert.Equal(HttpStatusCode.BadRequest, taken.StatusCode);
        Assert.Contains("already taken", await FieldErrorAsync(taken, "subdomain"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, reserved.StatusCode);
        Assert.Contains("reserved", await FieldErrorAsync(reserved, "subdomain"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_that_is_not_JSON_answers_a_problem_instead_of_failing()
    {
        var api = App.ApiClient();

        var broken = await api.PostAsync("/api/tenants", new StringContent("{ not json", Encoding.UTF8, "application/json"));
        var form = await api.PostAsync("/api/tenants", new FormUrlEncodedContent([new("subdomain", "x")]));

        Assert.Equal(HttpStatusCode.BadRequest, broken.StatusCode);
        Assert.Equal("application/problem+json", broken.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, form.StatusCode);
        Assert.Equal("application/problem+json", form.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Disable_enable_and_delete_follow_the_tenant_lifecycle()
    {
        var api = App.ApiClient();
        var tenant = await App.CreateTenantAsync();

        var conflict = await api.DeleteAsync($"/api/tenants/{tenant.Name}");
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        Assert.Equal("application/problem+json", conflict.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Conflict, (await api.PostAsync($"/api/tenants/{tenant.Name}/enable", null)).StatusCode);

        var disabled = await api.PostAsync($"/api/tenants/{tenant.Name}/disable", null);
        Assert.Equal("Disabled", (await disabled.Content.ReadFromJsonAsync<TenantDto>())!.State);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await App.CreateClient(tenant.Host).GetAsync("/")).StatusCode);

        var enabled = await api.PostAsync($"/api/tenants/{tenant.Name}/enable", null);
        var afterEnable = (await enabled.Content.ReadFromJsonAsync<TenantDto>())!;
        Assert.Equal("Running", afterEnable.State);
        Assert.True(afterEnable.UpdatedUtc > afterEnable.CreatedUtc);
        Assert.Equal(HttpStatusCode.OK, (await App.CreateClient(tenant.Host).GetAsync("/")).StatusCode);

        await api.PostAsync($"/api/tenants/{tenant.Name}/disable", null);
        Assert.Equal(HttpStatusCode.NoContent, (await api.DeleteAsync($"/api/tenants/{tenant.Name}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.DeleteAsync($"/api/tenants/{tenant.Name}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.PostAsync($"/api/tenants/{tenant.Name}/disable", null)).StatusCode);
    }

    [Fact]
    public async Task Listing_searches_and_pages_like_the_operator_area()
    {
        var marker = Guid.NewGuid().ToString("N")[..10];
        for (var i = 0; i < 27; i++)
        {
            await App.CreateTenantAsync(companyName: $"Api list {marker} {i}");
        }

        var api = App.ApiClient();
        var first = await api.GetFromJsonAsync<TenantListDto>($"/api/tenants?search={marker}");
        var second = await api.GetFromJsonAsync<TenantListDto>($"/api/tenants?search={marker}&page=2");
        var badState = await api.GetAsync("/api/tenants?state=Sleeping");

        Assert.Equal(27, first!.Total);
        Assert.Equal(2, first.PageCount);
        Assert.Equal(25, first.Items.Count);
        Assert.Equal(2, second!.Items.Count);
        Assert.Equal($"Api list {marker} 26", first.Items[0].CompanyName);
        Assert.Equal(HttpStatusCode.BadRequest, badState.StatusCode);
    }

    private static async Task<string?> FieldErrorAsync(HttpResponseMessage response, string field)
    {
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return problem.RootElement.GetProperty("errors").GetProperty(field)[0].GetString();
    }
}
