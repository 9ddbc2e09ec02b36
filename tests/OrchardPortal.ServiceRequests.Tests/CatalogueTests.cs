using System.Net;
using OrchardPortal.ServiceRequests.Tests.Infrastructure;
using OrchardPortal.Web.Testing;
using static OrchardPortal.ServiceRequests.Tests.Infrastructure.ServiceRequestsApp;

namespace OrchardPortal.ServiceRequests.Tests;

/// <summary>Staff keep the catalogue; the portal offers its active services in their order.</summary>
public sealed class CatalogueTests(SqliteServiceRequestsApp host) : IClassFixture<SqliteServiceRequestsApp>
{
    [Fact]
    public async Task A_hidden_service_is_no_longer_offered_and_cannot_be_requested()
    {
        var (tenant, staff, _) = await host.NewTenantAsync();
        var casey = await host.SignedInCustomerAsync(tenant);
        var offered = await ServicesOfferedAsync(casey.Browser);
        var extra = offered.Single(s => s.Value == "Extra visit").Key;

        var saved = await staff.PostFormAsync($"/admin/service-catalogue/{extra}/edit", [new("Input.Name", "Extra visit"), new("Input.Price", ""), new("Input.IsActive", "false")]);
        var response = await SendRequestAsync(casey.Browser, RequestFields(casey, extra));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.DoesNotContain("Extra visit", (await ServicesOfferedAsync(casey.Browser)).Values);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("That service isn’t offered any more", await TextAsync(response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Moving_a_service_up_changes_the_order_customers_see()
    {
        var (tenant, staff, _) = await host.NewTenantAsync();
        var casey = await host.SignedInCustomerAsync(tenant);
        var followUp = (await ServicesOfferedAsync(casey.Browser)).Single(s => s.Value == "Follow-up visit").Key;

        var moved = await staff.PostFormAsync("/admin/service-catalogue", [], $"/admin/service-catalogue?handler=Move&id={followUp}&up=true");

        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        Assert.Equal(["Extra visit", "Follow-up visit", "Estimate for new work"], (await ServicesOfferedAsync(casey.Browser)).Values);
    }

    [Theory]
    [InlineData("", "12", "Give the service a name")]
    [InlineData("Gutters", "twelve", "Enter the price as an amount")]
    [InlineData("Gutters", "-5", "Enter a price of zero or more")]
    public async Task A_service_with_a_bad_field_is_refused(string name, string price, string message)
    {
        var (_, staff, _) = await host.NewTenantAsync();

        var response = await staff.PostFormAsync("/admin/service-catalogue/new", [new("Input.Name", name), new("Input.Price", price), new("Input.IsActive", "true")]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, await TextAsync(response), StringComparison.Ordinal);
        Assert.Equal(3, System.Text.RegularExpressions.Regex.Count(await staff.GetStringAsync("/admin/service-catalogue"), "data-service-id="));
    }
}
