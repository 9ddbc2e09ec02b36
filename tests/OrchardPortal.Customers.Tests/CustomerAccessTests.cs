using System.Net;
using OrchardPortal.Customers.Services;
using OrchardPortal.Customers.Tests.Infrastructure;
using OrchardPortal.Web.Testing;

namespace OrchardPortal.Customers.Tests;

public abstract class CustomerAccessTests(CustomersApp app)
{
    [Fact]
    public async Task A_customer_of_another_tenant_is_not_found_by_id_on_any_page_or_action()
    {
        var (tenantA, staffA) = await app.NewTenantAsync();
        var (_, staffB) = await app.NewTenantAsync();
        var ids = await app.ImportAsync(tenantA, Sample.Person("Marisol", "Ortega"), Sample.Person("Desmond", "Achterberg"));
        var id = ids[1];
        var token = FormPosting.AntiforgeryToken(await (await staffB.GetAsync(CustomerPaths.New)).Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, (await staffA.GetAsync(CustomerPaths.Details(id))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await staffB.GetAsync(CustomerPaths.Details(id))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await staffB.GetAsync(CustomerPaths.Edit(id))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await staffB.PostFormWithTokenAsync(CustomerPaths.Edit(id), [new("Input.FirstName", "Hijack")], token)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await staffB.PostFormWithTokenAsync(CustomerPaths.Details(id) + "?handler=Deactivate", [], token)).StatusCode);
        Assert.Equal("Desmond Achterberg", (await app.WithCustomersAsync(tenantA, s => s.GetAsync(id, CancellationToken.None)))!.DisplayName);
        Assert.True((await app.WithCustomersAsync(tenantA, s => s.GetAsync(id, CancellationToken.None)))!.IsActive);
    }

    [Theory]
    [InlineData("/admin/customers/999999")]
    [InlineData("/admin/customers/999999/edit")]
    [InlineData("/admin/customers/99999999999999999999")]
    [InlineData("/admin/customers/abc")]
    public async Task An_unknown_customer_address_is_a_friendly_not_found_page(string path)
    {
        var (_, staff) = await app.NewTenantAsync();

        var response = await staff.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData(CustomerPaths.List)]
    [InlineData(CustomerPaths.New)]
    [InlineData(CustomerPaths.Requests)]
    [InlineData("/admin/customers/1")]
    public async Task Customer_pages_send_visitors_who_are_not_signed_in_to_the_staff_sign_in(string path)
    {
        var tenant = await app.App.CreateTenantAsync();

        var response = await app.App.CreateClient(tenant.Host).GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/admin/login", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Customer_pages_do_not_exist_on_the_host_site()
    {
        var response = await app.App.CreateHostClient().GetAsync(CustomerPaths.List);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}

public sealed class SqliteCustomerAccessTests(SqliteCustomersApp app) : CustomerAccessTests(app), IClassFixture<SqliteCustomersApp>;

public sealed class PostgresCustomerAccessTests(PostgresCustomersApp app) : CustomerAccessTests(app), IClassFixture<PostgresCustomersApp>;
