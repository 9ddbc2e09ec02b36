using System.Net;
using AngleSharp.Html.Dom;
using OrchardPortal.Web.Testing;

namespace OrchardPortal.Tenants.Tests.Operator;

/// <summary>The operator's tenant list: paging, search, state filter.</summary>
public sealed class TenantListTests(SqliteAppFixture fixture) : IClassFixture<SqliteAppFixture>
{
    private PortalApp App => fixture.App;

    [Fact]
    public async Task The_list_shows_25_tenants_a_page_newest_first()
    {
        var marker = Guid.NewGuid().ToString("N")[..10];
        var created = new List<TenantHandle>();
        for (var i = 0; i < 30; i++)
        {
            created.Add(await App.CreateTenantAsync(companyName: $"Paging {marker} Lawns {i}"));
        }

        var client = await App.SignedInOperatorAsync();
        var first = await (await client.GetAsync($"/operator/tenants?q={marker}")).ReadHtmlAsync();
        var second = await (await client.GetAsync($"/operator/tenants?q={marker}&p=2")).ReadHtmlAsync();

        var firstRows = Rows(first);
        var secondRows = Rows(second);
        Assert.Equal(25, firstRows.Count);
        Assert.Equal(5, secondRows.Count);
        Assert.Equal(created.Select(t => t.Name).Reverse(), firstRows.Concat(secondRows));
        Assert.Contains("Page 1 of 2", first.QuerySelector(".pager")!.TextContent, StringComparison.Ordinal);
        Assert.Equal($"/operator/tenants?q={marker}&p=2", first.QuerySelector(".pager a[rel=next]")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Search_finds_tenants_by_subdomain_prefix_owner_email_company_name_and_host()
    {
        var prefix = TestSupport.UniqueName("srch");
        var alpha = await App.CreateTenantAsync(name: prefix + "-alpha", companyName: "Quillfeather Pest Control");
        var beta = await App.CreateTenantAsync(name: prefix + "-beta", companyName: "Northwind Cleaning");
        var client = await App.SignedInOperatorAsync();

        Assert.Equal([beta.Name, alpha.Name], await SearchAsync(client, prefix));
        Assert.Equal([alpha.Name], await SearchAsync(client, prefix + "-al"));
        Assert.Equal([beta.Name], await SearchAsync(client, beta.OwnerEmail));
        Assert.Equal([alpha.Name], await SearchAsync(client, "FEATHER pest"));
        Assert.Equal([beta.Name], await SearchAsync(client, $"{beta.Name}.localhost:5000"));
        Assert.Equal([alpha.Name], await SearchAsync(client, $"http://{alpha.Name}.localhost/"));
        Assert.Empty(await SearchAsync(client, prefix + "-gamma"));
    }

    [Fact]
    public async Task The_state_filter_shows_only_tenants_in_that_state()
    {
        var marker = Guid.NewGuid().ToString("N")[..10];
        var running = await App.CreateTenantAsync(companyName: $"State {marker} Running");
        var disabled = await App.CreateTenantAsync(companyName: $"State {marker} Disabled");
        var client = await App.SignedInOperatorAsync();
        await client.PostFormAsync("/operator/tenants", [], $"/operator/tenants?handler=Disable&name={disabled.Name}");

        Assert.Equal([disabled.Name], await SearchAsync(client, marker, "Disabled"));
        Assert.Equal([running.Name], await SearchAsync(client, marker, "Running"));
        Assert.Equal([disabled.Name, running.Name], await SearchAsync(client, marker));
    }

    [Fact]
    public async Task Each_row_links_to_the_tenant_and_shows_its_details()
    {
        var tenant = await App.CreateTenantAsync(companyName: "Linkable Landscaping", recipe: "demo");
        var client = await App.SignedInOperatorAsync();

        var page = await (await client.GetAsync($"/operator/tenants?q={tenant.Name}")).ReadHtmlAsync();

        var row = page.QuerySelector($"tr[data-tenant='{tenant.Name}']")!;
        Assert.Equal($"http://{tenant.Name}.localhost/", row.QuerySelector("a[target=_blank]")!.GetAttribute("href"));
        Assert.Contains("Linkable Landscaping", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("Running", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("demo", row.TextContent, StringComparison.Ordinal);
        Assert.Contains(tenant.OwnerEmail, row.TextContent, StringComparison.Ordinal);
    }

    private static List<string> Rows(IHtmlDocument page) =>
        page.QuerySelectorAll("tr[data-tenant]").Select(r => r.GetAttribute("data-tenant")!).ToList();

    private static async Task<List<string>> SearchAsync(HttpClient client, string search, string? state = null)
    {
        var response = await client.GetAsync($"/operator/tenants?q={Uri.EscapeDataString(search)}&state={state}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return Rows(await response.ReadHtmlAsync());
    }
}
