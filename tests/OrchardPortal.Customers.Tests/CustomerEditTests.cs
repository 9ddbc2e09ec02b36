using System.Net;
using OrchardPortal.Customers.Models;
using OrchardPortal.Customers.Services;
using OrchardPortal.Customers.Tests.Infrastructure;
using OrchardPortal.Web.Testing;

namespace OrchardPortal.Customers.Tests;

public sealed class CustomerEditTests(SqliteCustomersApp app) : IClassFixture<SqliteCustomersApp>
{
    [Fact]
    public async Task Saving_the_edit_form_replaces_emails_phones_and_properties_with_what_was_submitted()
    {
        var (tenant, staff) = await app.NewTenantAsync();
        var id = (await app.ImportAsync(tenant, Sample.Person("Anneliese", "Okafor", "anneliese@example.com", "(331) 555-0105")))[0];

        // The browser's script renumbers rows, so a removed row is simply absent: here the old phone is gone.
        var response = await staff.PostFormAsync(CustomerPaths.Edit(id),
        [
            new("Version", "0"),
            new("Input.FirstName", "Anneliese"),
            new("Input.LastName", "Okafor-Reyes"),
            new("Input.AccountNumber", ""),
            new("Input.Emails[0].Address", "anneliese@example.com"),
            new("Input.Emails[1].Address", "a.reyes@example.com"),
            new("Input.Emails[1].Label", "Work"),
            new("Input.Emails[1].IsPrimary", "true"),
            new("Input.Addresses[0].Kind", "Service"),
            new("Input.Addresses[0].Label", "Home"),
            new("Input.Addresses[0].Line1", "3120 Prairie Aster Way"),
            new("Input.Addresses[0].City", "Stonebrook"),
            new("Input.Addresses[1].Kind", "Service"),
            new("Input.Addresses[1].Label", "Lake cabin"),
            new("Input.Addresses[1].Line1", "9 Heron Point Trail"),
            new("Input.Addresses[1].City", "Lake Tamsin"),
            new("Input.Addresses[2].Kind", "Billing"),
            new("Input.Addresses[2].Line1", "PO Box 12"),
            new("Input.Addresses[2].City", "Stonebrook"),
        ]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var customer = (await app.WithCustomersAsync(tenant, s => s.GetAsync(id, CancellationToken.None)))!;
        Assert.Equal("Anneliese Okafor-Reyes", customer.DisplayName);
        Assert.Equal("C-000001", customer.AccountNumber);
        Assert.Equal(["anneliese@example.com", "a.reyes@example.com"], customer.Emails.Select(e => e.Address));
        Assert.Equal("a.reyes@example.com", customer.PrimaryEmail);
        Assert.Empty(customer.Phones);
        Assert.Equal(["Home", "Lake cabin"], customer.Addresses.Where(a => a.Kind == AddressKind.Service).Select(a => a.Label));
        Assert.True(customer.Addresses.Single(a => a.Kind == AddressKind.Billing).IsPrimary);
        Assert.Equal(1, customer.Version);
    }

    [Fact]
    public async Task Two_primary_service_properties_are_refused_and_the_customer_is_unchanged()
    {
        var (tenant, staff) = await app.NewTenantAsync();
        var id = (await app.ImportAsync(tenant, Sample.Person("Rashid", "Benali", "rashid@example.com")))[0];

        var response = await staff.PostFormAsync(CustomerPaths.Edit(id),
        [
            new("Version", "0"),
            new("Input.FirstName", "Rashid"),
            new("Input.LastName", "Benali"),
            new("Input.Addresses[0].Kind", "Service"),
            new("Input.Addresses[0].Line1", "1 First Street"),
            new("Input.Addresses[0].City", "Stonebrook"),
            new("Input.Addresses[0].IsPrimary", "true"),
            new("Input.Addresses[1].Kind", "Service"),
            new("Input.Addresses[1].Line1", "2 Second Street"),
            new("Input.Addresses[1].City", "Stonebrook"),
            new("Input.Addresses[1].IsPrimary", "true"),
        ]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.DocumentAsync();
        Assert.Equal("Only one service address can be primary.", page.FieldError("addresses-1-isprimary"));
        var customer = (await app.WithCustomersAsync(tenant, s => s.GetAsync(id, CancellationToken.None)))!;
        Assert.Equal("rashid@example.com", customer.PrimaryEmail);
        Assert.Equal(0, customer.Version);
    }

    [Fact]
    public async Task An_edit_started_before_someone_else_saved_is_refused_instead_of_overwriting_their_change()
    {
        var (tenant, staff) = await app.NewTenantAsync();
        var id = (await app.ImportAsync(tenant, Sample.Person("Hiroshi", "Takemura", "hiroshi@example.com")))[0];
        var formLoadedAtVersion0 = await staff.GetAsync(CustomerPaths.Edit(id));
        var token = FormPosting.AntiforgeryToken(await formLoadedAtVersion0.Content.ReadAsStringAsync());
        await app.WithCustomersAsync(tenant, s => s.DeactivateAsync(id, CancellationToken.None));

        var response = await staff.PostFormWithTokenAsync(CustomerPaths.Edit(id),
            [new("Version", "0"), new("Input.FirstName", "Hiro"), new("Input.LastName", "Takemura")], token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(CustomerResult.ConcurrencyMessage, (await response.DocumentAsync()).Text(), StringComparison.Ordinal);
        Assert.Equal("Hiroshi Takemura", (await app.WithCustomersAsync(tenant, s => s.GetAsync(id, CancellationToken.None)))!.DisplayName);
    }

    [Fact]
    public async Task The_form_offers_one_blank_row_of_each_kind_so_it_works_without_javascript()
    {
        var (tenant, staff) = await app.NewTenantAsync();
        var id = (await app.ImportAsync(tenant, Sample.Person("Colette", "Fairbanks", "colette@example.com")))[0];

        var edit = await staff.PageAsync(CustomerPaths.Edit(id));
        var create = await staff.PageAsync(CustomerPaths.New);

        Assert.Equal("colette@example.com", edit.GetElementById("emails-0-address")?.GetAttribute("value"));
        Assert.NotNull(edit.GetElementById("emails-1-address"));
        Assert.NotNull(edit.GetElementById("phones-0-number"));
        Assert.NotNull(edit.GetElementById("addresses-1-line1"));
        Assert.NotNull(create.GetElementById("emails-0-address"));
        Assert.NotNull(create.GetElementById("phones-0-number"));
        Assert.NotNull(create.GetElementById("addresses-0-line1"));
        Assert.Equal(3, create.QuerySelectorAll("template").Length);
        Assert.Equal("First name", create.QuerySelector("label[for=Input_FirstName]")?.TextContent.Trim());
        Assert.Equal("Account number", create.QuerySelector("label[for=Input_AccountNumber]")?.TextContent.Trim());
    }
}
