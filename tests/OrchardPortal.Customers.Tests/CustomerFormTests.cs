using System.Net;
using OrchardPortal.Customers.Services;
using OrchardPortal.Customers.Tests.Infrastructure;
using OrchardPortal.Web.Testing;

namespace OrchardPortal.Customers.Tests;

public abstract class CustomerFormTests(CustomersApp app)
{
    [Fact]
    public async Task Creating_a_customer_with_bad_input_shows_a_message_on_each_field_and_saves_nothing()
    {
        var (tenant, staff) = await app.NewTenantAsync();
        var fields = Sample.PersonForm("", "", "not-an-email", phone: "12", account: "C 12!")
            .With("Input.FirstName", "")
            .With("Input.Addresses[0].City", "")
            .With("Input.Emails[1].Address", "dup@example.com")
            .With("Input.Emails[2].Address", "DUP@example.com");

        var response = await staff.PostFormAsync(CustomerPaths.New, fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.DocumentAsync();
        Assert.Equal("Enter the customer's name, or a company name.", page.FieldError("Input_FirstName"));
        Assert.Contains("letters, digits, hyphens", page.FieldError("Input_AccountNumber"), StringComparison.Ordinal);
        Assert.Equal("Enter a valid email address, like name@example.com.", page.FieldError("emails-0-address"));
        Assert.Equal("This email address is already listed above.", page.FieldError("emails-2-address"));
        Assert.Contains("7 to 15 digits", page.FieldError("phones-0-number"), StringComparison.Ordinal);
        Assert.Equal("Enter the city.", page.FieldError("addresses-0-city"));
        Assert.Equal("418 Birchwood Lane", page.GetElementById("addresses-0-line1")?.GetAttribute("value"));
        Assert.Equal(0, await app.WithCustomersAsync(tenant, s => s.CountAsync(CancellationToken.None)));
    }

    [Fact]
    public async Task A_customer_created_without_an_account_number_gets_the_next_sequential_one()
    {
        var (tenant, staff) = await app.NewTenantAsync();

        var first = await staff.PostFormAsync(CustomerPaths.New, Sample.PersonForm("Marisol", "Ortega", "marisol@example.com"));
        var detail = await staff.PageAsync(first.Headers.Location!.OriginalString);
        var second = await staff.PostFormAsync(CustomerPaths.New, Sample.PersonForm("Tobias", "Lindqvist", "tobias@example.com"));

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Contains("Marisol Ortega was added as customer C-000001.", detail.Flash(), StringComparison.Ordinal);
        Assert.Contains("418 Birchwood Lane", detail.Text(), StringComparison.Ordinal);
        Assert.Contains("Front yard property", detail.Text(), StringComparison.Ordinal);
        Assert.Contains("marisol@example.com", detail.Text(), StringComparison.Ordinal);
        var tobias = await app.WithCustomersAsync(tenant, s => s.FindByEmailAsync("tobias@example.com", CancellationToken.None));
        Assert.Equal("C-000002", Assert.Single(tobias).AccountNumber);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
    }

    [Fact]
    public async Task An_account_number_another_customer_has_is_refused_whatever_its_case_and_nothing_is_saved()
    {
        var (tenant, staff) = await app.NewTenantAsync();
        await staff.PostFormAsync(CustomerPaths.New, Sample.PersonForm("Desmond", "Achterberg", "d@example.com", account: "LAWN-1001"));

        var response = await staff.PostFormAsync(CustomerPaths.New, Sample.PersonForm("Colette", "Fairbanks", "c@example.com", account: "lawn-1001"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.DocumentAsync();
        Assert.StartsWith("Account number lawn-1001 already belongs to Desmond Achterberg.", page.FieldError("Input_AccountNumber"), StringComparison.Ordinal);
        Assert.Equal(1, await app.WithCustomersAsync(tenant, s => s.CountAsync(CancellationToken.None)));
    }

    [Fact]
    public async Task A_company_customer_is_listed_under_its_company_name()
    {
        var (_, staff) = await app.NewTenantAsync();
        var fields = Sample.PersonForm("Priya", "Raman", "board@cedarridge.example.com").With("Input.CompanyName", "Cedar Ridge HOA");

        var response = await staff.PostFormAsync(CustomerPaths.New, fields);

        var detail = await staff.PageAsync(response.Headers.Location!.OriginalString);
        Assert.Equal("Cedar Ridge HOA", detail.QuerySelector("h1")!.ChildNodes[0].TextContent.Trim());
        Assert.Contains("Contact: Priya Raman", detail.Text(), StringComparison.Ordinal);
    }
}

public sealed class SqliteCustomerFormTests(SqliteCustomersApp app) : CustomerFormTests(app), IClassFixture<SqliteCustomersApp>;

public sealed class PostgresCustomerFormTests(PostgresCustomersApp app) : CustomerFormTests(app), IClassFixture<PostgresCustomersApp>;
