using System.Net;
using OrchardPortal.Customers.Models;
using OrchardPortal.Customers.Services;
using OrchardPortal.Customers.Tests.Infrastructure;
using OrchardPortal.Web.Testing;

namespace OrchardPortal.Customers.Tests;

public sealed class CustomerStatusTests(SqliteCustomersApp app) : IClassFixture<SqliteCustomersApp>
{
    [Fact]
    public async Task Deactivating_asks_for_confirmation_first_then_marks_the_customer_inactive()
    {
        var (tenant, staff) = await app.NewTenantAsync();
        var id = (await app.ImportAsync(tenant, Sample.Person("Tobias", "Lindqvist", "tobias@example.com")))[0];

        var detail = await staff.PageAsync(CustomerPaths.Details(id));
        var deactivateLink = detail.QuerySelectorAll("a").Single(a => a.TextContent.Trim() == "Deactivate").GetAttribute("href")!;
        Assert.Equal(CustomerStatus.Active, (await app.WithCustomersAsync(tenant, s => s.GetAsync(id, CancellationToken.None)))!.Status);

        var confirm = await staff.PageAsync(CustomerPaths.Details(id) + deactivateLink.Split('#')[0]);
        Assert.Contains("Deactivate Tobias Lindqvist?", confirm.Text(), StringComparison.Ordinal);
        var response = await staff.PostFormAsync(CustomerPaths.Details(id) + "?confirm=deactivate", [], CustomerPaths.Details(id) + "?handler=Deactivate");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = await staff.PageAsync(CustomerPaths.Details(id));
        Assert.Contains("This customer is now inactive.", after.Flash(), StringComparison.Ordinal);
        Assert.Equal("Inactive", after.QuerySelector("h1 .badge")!.TextContent.Trim());
        Assert.Equal(["Tobias Lindqvist"], (await staff.PageAsync(CustomerPaths.List + "?status=inactive")).ListedNames());
    }

    [Fact]
    public async Task Reactivating_an_inactive_customer_makes_them_active_again()
    {
        var (tenant, staff) = await app.NewTenantAsync();
        var id = (await app.ImportAsync(tenant, Sample.Person("Colette", "Fairbanks")))[0];
        await app.WithCustomersAsync(tenant, s => s.DeactivateAsync(id, CancellationToken.None));

        var response = await staff.PostFormAsync(CustomerPaths.Details(id) + "?confirm=reactivate", [], CustomerPaths.Details(id) + "?handler=Reactivate");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(CustomerStatus.Active, (await app.WithCustomersAsync(tenant, s => s.GetAsync(id, CancellationToken.None)))!.Status);
    }

    [Fact]
    public async Task The_dashboard_ticks_off_adding_customers_once_there_is_one()
    {
        var (tenant, staff) = await app.NewTenantAsync();
        var before = await staff.PageAsync("/admin");
        await app.ImportAsync(tenant, Sample.Person("Rashid", "Benali"));
        var after = await staff.PageAsync("/admin");

        var itemBefore = ChecklistItem(before, "Add your customers");
        var itemAfter = ChecklistItem(after, "Add your customers");
        Assert.Equal("/admin/customers", itemBefore.QuerySelector("h3 a")?.GetAttribute("href"));
        Assert.DoesNotContain("is-done", itemBefore.ClassName ?? "", StringComparison.Ordinal);
        Assert.Contains("is-done", itemAfter.ClassName ?? "", StringComparison.Ordinal);
        Assert.Equal("Customers", after.QuerySelector("nav.sidenav a[href='/admin/customers']")?.TextContent.Trim());
    }

    private static AngleSharp.Dom.IElement ChecklistItem(AngleSharp.Dom.IDocument page, string title) =>
        page.QuerySelectorAll(".checklist-item").Single(li => li.QuerySelector("h3")!.TextContent.Contains(title, StringComparison.Ordinal));
}
