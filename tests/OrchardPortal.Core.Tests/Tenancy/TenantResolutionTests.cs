using System.Net;
using OrchardPortal.Web.Testing;

namespace OrchardPortal.Core.Tests.Tenancy;

public sealed class TenantResolutionTests(PortalApp app) : IClassFixture<PortalApp>
{
    [Fact]
    public async Task An_unknown_subdomain_gets_a_friendly_404_that_links_to_signup()
    {
        var response = await app.CreateClient("nobody-here.localhost").GetAsync("/");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("couldn’t find that portal", html, StringComparison.Ordinal);
        Assert.Contains("href=\"http://localhost/signup\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_host_name_is_answered_before_any_page_runs()
    {
        var response = await app.CreateClient("some-other-domain.example").GetAsync("/admin");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("no customer portal at this address", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_provisioned_tenant_is_served_on_its_subdomain_and_stored_in_its_own_file()
    {
        var tenant = await app.CreateTenantAsync();

        var response = await app.CreateClient(tenant.Host).GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"Green Acres {tenant.Name}", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(app.AppDataPath, "Sites", tenant.Name, "portal.db")));
    }

    [Fact]
    public async Task Host_names_are_matched_without_regard_to_case()
    {
        var tenant = await app.CreateTenantAsync();

        var response = await app.CreateClient(tenant.Host.ToUpperInvariant()).GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_sub_subdomain_of_a_tenant_is_not_that_tenant()
    {
        var tenant = await app.CreateTenantAsync();

        var response = await app.CreateClient("www." + tenant.Host).GetAsync("/");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
