using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using OrchardPortal.Core.Provisioning;
using OrchardPortal.Tenants.Api;
using OrchardPortal.Tenants.Tests.Api;
using OrchardPortal.Web.Testing;

namespace OrchardPortal.Tenants.Tests.Signup;

/// <summary>Signup and tenant removal end to end, run once on SQLite and once on PostgreSQL.</summary>
public abstract class ProvisioningTests(PortalAppFixture fixture)
{
    private PortalApp App => fixture.App;

    [Fact]
    public async Task Signing_up_creates_a_running_tenant_and_sends_the_owner_to_its_admin()
    {
        var name = TestSupport.UniqueName();
        var client = App.CreateHostClient();

        var response = await client.PostFormAsync("/signup", TestSupport.SignupFields(name));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var landing = response.Headers.Location!;
        Assert.Equal($"{name}.localhost", landing.Host);
        Assert.StartsWith("/admin", landing.AbsolutePath, StringComparison.Ordinal);

        var tenant = await App.ApiClient().GetFromJsonAsync<TenantDto>($"/api/tenants/{name}");
        Assert.Equal("Running", tenant!.State);
        Assert.Equal("Green Acres Lawn Care", tenant.CompanyName);
        Assert.Equal($"olivia@{name}.example.com", tenant.OwnerEmail);

        // The owner's browser follows the redirect to the new portal, which now answers.
        var tenantClient = App.CreateClient($"{name}.localhost");
        var handoff = await tenantClient.GetAsync(landing.PathAndQuery);
        Assert.Equal(HttpStatusCode.Redirect, handoff.StatusCode);
        Assert.Equal("/admin", handoff.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await tenantClient.GetAsync("/admin")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await App.CreateClient($"{name}.localhost").GetAsync("/")).StatusCode);
        Assert.True(await App.StorageExistsAsync(name));
    }

    [Fact]
    public async Task Signing_up_twice_for_one_subdomain_at_once_lets_exactly_one_win()
    {
        var name = TestSupport.UniqueName();
        var first = App.CreateHostClient();
        var second = App.CreateHostClient();
        var firstToken = FormPosting.AntiforgeryToken(await first.GetStringAsync("/signup"));
        var secondToken = FormPosting.AntiforgeryToken(await second.GetStringAsync("/signup"));

        var responses = await Task.WhenAll(
            first.PostFormWithTokenAsync("/signup", TestSupport.SignupFields(name, "First Lawns"), firstToken),
            second.PostFormWithTokenAsync("/signup", TestSupport.SignupFields(name, "Second Lawns"), secondToken));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Redirect);
        var loser = Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        var page = await loser.ReadHtmlAsync();
        Assert.Contains("already taken", page.FieldError("Subdomain"), StringComparison.Ordinal);

        var list = await App.ApiClient().GetFromJsonAsync<TenantListDto>($"/api/tenants?search={name}");
        Assert.Equal(1, list!.Total);
    }

    [Fact]
    public async Task A_failure_inside_provisioning_shows_a_friendly_error_and_leaves_nothing_behind()
    {
        var name = TestSupport.UniqueName();
        await using var failing = App.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddScoped<ITenantSetupHandler, ThrowingSetupHandler>()));
        var client = failing.CreateClient(new() { BaseAddress = new Uri("http://localhost"), AllowAutoRedirect = false });

        var response = await client.PostFormAsync("/signup", TestSupport.SignupFields(name));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadHtmlAsync();
        Assert.Contains("Nothing was saved", page.Alert(), StringComparison.Ordinal);
        Assert.Equal(name, page.InputValue("Subdomain"));

        var api = failing.CreateClient(new() { BaseAddress = new Uri("http://localhost"), AllowAutoRedirect = false });
        api.DefaultRequestHeaders.Authorization = new("Bearer", PortalApp.OperatorApiKey);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/tenants/{name}")).StatusCode);
        Assert.False(await App.StorageExistsAsync(name));
        Assert.Equal(HttpStatusCode.NotFound, (await App.CreateClient($"{name}.localhost").GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task A_failure_inside_provisioning_through_the_API_answers_a_problem_and_leaves_nothing_behind()
    {
        var name = TestSupport.UniqueName();
        await using var failing = App.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddScoped<ITenantSetupHandler, ThrowingSetupHandler>()));
        var api = failing.CreateClient(new() { BaseAddress = new Uri("http://localhost"), AllowAutoRedirect = false });
        api.DefaultRequestHeaders.Authorization = new("Bearer", PortalApp.OperatorApiKey);

        var response = await api.PostAsJsonAsync("/api/tenants", ApiTestBodies.Valid(name));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/tenants/{name}")).StatusCode);
        Assert.False(await App.StorageExistsAsync(name));
    }

    [Fact]
    public async Task Deleting_a_disabled_tenant_removes_its_storage_and_frees_its_name()
    {
        var tenant = await App.CreateTenantAsync();
        var api = App.ApiClient();
        Assert.True(await App.StorageExistsAsync(tenant.Name));

        Assert.Equal(HttpStatusCode.Conflict, (await api.DeleteAsync($"/api/tenants/{tenant.Name}")).StatusCode);
        Assert.True(await App.StorageExistsAsync(tenant.Name));

        Assert.Equal(HttpStatusCode.OK, (await api.PostAsync($"/api/tenants/{tenant.Name}/disable", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await api.DeleteAsync($"/api/tenants/{tenant.Name}")).StatusCode);

        Assert.False(await App.StorageExistsAsync(tenant.Name));
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/tenants/{tenant.Name}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await App.CreateClient(tenant.Host).GetAsync("/")).StatusCode);

        // The name is free again, and a new company gets a fresh, empty portal under it.
        var again = await App.CreateHostClient().PostFormAsync("/signup", TestSupport.SignupFields(tenant.Name, "Second Owner Lawns"));
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        var recreated = await api.GetFromJsonAsync<TenantDto>($"/api/tenants/{tenant.Name}");
        Assert.Equal("Second Owner Lawns", recreated!.CompanyName);
    }

    [Fact]
    public async Task The_operator_API_creates_a_tenant_that_answers_on_its_host()
    {
        var name = TestSupport.UniqueName();

        var response = await App.ApiClient().PostAsJsonAsync("/api/tenants", ApiTestBodies.Valid(name) with { Recipe = "demo" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal($"/api/tenants/{name}", response.Headers.Location?.OriginalString);
        var body = await response.Content.ReadFromJsonAsync<TenantDto>();
        Assert.Equal(name, body!.Name);
        Assert.Equal($"http://{name}.localhost/", body.Url);
        Assert.Equal("Running", body.State);
        Assert.Equal("demo", body.Recipe);
        Assert.Equal(HttpStatusCode.OK, (await App.CreateClient($"{name}.localhost").GetAsync("/")).StatusCode);
    }

    private sealed class ThrowingSetupHandler : ITenantSetupHandler
    {
        public Task SetupAsync(TenantSetupContext context, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("Simulated failure while setting up the tenant.");
    }
}

public sealed class SqliteProvisioningTests(SqliteAppFixture fixture) : ProvisioningTests(fixture), IClassFixture<SqliteAppFixture>;

public sealed class PostgresProvisioningTests(PostgresAppFixture fixture) : ProvisioningTests(fixture), IClassFixture<PostgresAppFixture>;
