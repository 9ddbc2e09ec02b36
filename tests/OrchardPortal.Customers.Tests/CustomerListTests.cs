using OrchardPortal.Customers.Services;
using OrchardPortal.Customers.Tests.Infrastructure;
using OrchardPortal.Web.Testing;

namespace OrchardPortal.Customers.Tests;

public abstract class CustomerListTests(CustomersApp app)
{
    private async Task<(TenantHandle Tenant, HttpClient Staff, IReadOnlyList<long> Ids)> FourCustomersAsync()
    {
        var (tenant, staff) = await app.NewTenantAsync();
        var company = Sample.Person("Gordon", "Vance", "office@bluestemdental.example.com", "(331) 555-0106", account: "B-77");
        company.CompanyName = "Bluestem Family Dental";
        var ids = await app.ImportAsync(tenant,
            Sample.Person("Marisol", "Ortega", "marisol.ortega@example.com", "(630) 555-0101"),
            Sample.Person("Wendell", "Sørensen", "wendell@example.com", "630.555.0111"),
            company,
            Sample.Person("Beatriz", "Haldane", "bea@example.com", "+1 630 555 0112"));
        return (tenant, staff, ids);
    }

    [Theory]
    [InlineData("ortega", "Marisol Ortega")]
    [InlineData("MARISOL.ORTEGA@EXAMPLE", "Marisol Ortega")]
    [InlineData("(630) 555-0111", "Wendell Sørensen")]
    [InlineData("0112", "Beatriz Haldane")]
    [InlineData("sorensen", "Wendell Sørensen")]
    [InlineData("b-77", "Bluestem Family Dental")]
    [InlineData("c-000003", "Beatriz Haldane")]
    [InlineData("dental vance", "Bluestem Family Dental")]
    public async Task Search_finds_a_customer_by_name_email_phone_or_account_number(string query, string expected)
    {
        var (_, staff, _) = await FourCustomersAsync();

        var page = await staff.PageAsync(CustomerPaths.List + "?q=" + Uri.EscapeDataString(query));

        Assert.Equal([expected], page.ListedNames());
        Assert.Contains("Showing 1–1 of 1 customers", page.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_search_with_wildcard_characters_matches_them_literally()
    {
        var (_, staff, _) = await FourCustomersAsync();

        var page = await staff.PageAsync(CustomerPaths.List + "?q=%25");

        Assert.Empty(page.ListedNames());
        Assert.Contains("No customers match your search.", page.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Filters_narrow_the_list_by_status_portal_account_and_autopay()
    {
        var (tenant, staff, ids) = await FourCustomersAsync();
        await app.WithCustomersAsync(tenant, s => s.DeactivateAsync(ids[0], CancellationToken.None));
        await app.WithCustomersAsync(tenant, s => s.SetPortalFlagsAsync(ids[1], new CustomerPortalFlags(HasPortalAccount: true, AutopayEnabled: true), CancellationToken.None));
        await app.WithCustomersAsync(tenant, s => s.SetPortalFlagsAsync(ids[3], new CustomerPortalFlags(HasPortalAccount: true), CancellationToken.None));

        Assert.Equal(["Marisol Ortega"], (await staff.PageAsync(CustomerPaths.List + "?status=inactive")).ListedNames());
        Assert.Equal(["Beatriz Haldane", "Bluestem Family Dental", "Wendell Sørensen"], (await staff.PageAsync(CustomerPaths.List + "?status=active")).ListedNames());
        Assert.Equal(["Beatriz Haldane", "Wendell Sørensen"], (await staff.PageAsync(CustomerPaths.List + "?portal=yes")).ListedNames());
        Assert.Equal(["Bluestem Family Dental", "Marisol Ortega"], (await staff.PageAsync(CustomerPaths.List + "?portal=no")).ListedNames());
        Assert.Equal(["Wendell Sørensen"], (await staff.PageAsync(CustomerPaths.List + "?portal=yes&autopay=yes")).ListedNames());
        Assert.Equal(["Beatriz Haldane"], (await staff.PageAsync(CustomerPaths.List + "?portal=yes&autopay=no&q=haldane")).ListedNames());
        Assert.Equal(4, (await staff.PageAsync(CustomerPaths.List + "?status=bogus&portal=maybe")).ListedNames().Count);
    }

    [Fact]
    public async Task Columns_sort_by_name_account_number_and_date_added_both_ways()
    {
        var (_, staff, _) = await FourCustomersAsync();
        string[] byName = ["Beatriz Haldane", "Bluestem Family Dental", "Marisol Ortega", "Wendell Sørensen"];
        string[] byAccount = ["Bluestem Family Dental", "Marisol Ortega", "Wendell Sørensen", "Beatriz Haldane"];
        string[] byCreated = ["Marisol Ortega", "Wendell Sørensen", "Bluestem Family Dental", "Beatriz Haldane"];

        Assert.Equal(byName, (await staff.PageAsync(CustomerPaths.List)).ListedNames());
        Assert.Equal(byName.Reverse(), (await staff.PageAsync(CustomerPaths.List + "?dir=desc")).ListedNames());
        Assert.Equal(byAccount, (await staff.PageAsync(CustomerPaths.List + "?sort=account")).ListedNames());
        Assert.Equal(byAccount.Reverse(), (await staff.PageAsync(CustomerPaths.List + "?sort=account&dir=desc")).ListedNames());
        Assert.Equal(byCreated, (await staff.PageAsync(CustomerPaths.List + "?sort=created")).ListedNames());
        Assert.Equal(byCreated.Reverse(), (await staff.PageAsync(CustomerPaths.List + "?sort=created&dir=desc")).ListedNames());

        var header = (await staff.PageAsync(CustomerPaths.List + "?sort=account")).QuerySelector("th[aria-sort]")!;
        Assert.Equal("ascending", header.GetAttribute("aria-sort"));
        Assert.Equal("/admin/customers?sort=account&dir=desc", header.QuerySelector("a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Paging_shows_every_customer_exactly_once_and_keeps_the_filters()
    {
        var (tenant, staff) = await app.NewTenantAsync();
        var rows = Enumerable.Range(1, 120).Select(i => Sample.Person($"Pat{i:D3}", "Green", $"pat{i}@example.com")).ToArray();
        await app.ImportAsync(tenant, rows);

        var seen = new List<string>();
        var first = await staff.PageAsync(CustomerPaths.List + "?q=green");
        seen.AddRange(first.ListedNames());
        var next = first.QuerySelector("a[rel=next]")!.GetAttribute("href")!;
        Assert.Equal("/admin/customers?q=green&p=2", next);
        var second = await staff.PageAsync(next);
        seen.AddRange(second.ListedNames());
        var third = await staff.PageAsync(second.QuerySelector("a[rel=next]")!.GetAttribute("href")!);
        seen.AddRange(third.ListedNames());

        Assert.Contains("Showing 101–120 of 120 customers", third.Text(), StringComparison.Ordinal);
        Assert.Null(third.QuerySelector("a[rel=next]"));
        Assert.Equal(rows.Select(r => $"{r.FirstName} Green"), seen);
        Assert.Equal(third.ListedNames(), (await staff.PageAsync(CustomerPaths.List + "?q=green&p=99")).ListedNames());
    }
}

public sealed class SqliteCustomerListTests(SqliteCustomersApp app) : CustomerListTests(app), IClassFixture<SqliteCustomersApp>;

public sealed class PostgresCustomerListTests(PostgresCustomersApp app) : CustomerListTests(app), IClassFixture<PostgresCustomersApp>;
