using OrchardPortal.Customers.Models;
using OrchardPortal.Customers.Services;
using OrchardPortal.Customers.Tests.Infrastructure;

namespace OrchardPortal.Customers.Tests;

public sealed class CustomerImportTests(SqliteCustomersApp app) : IClassFixture<SqliteCustomersApp>
{
    [Fact]
    public async Task An_import_with_any_bad_row_imports_nothing_and_names_each_problem_by_row()
    {
        var (tenant, _) = await app.NewTenantAsync();
        await app.ImportAsync(tenant, Sample.Person("Gordon", "Vance", account: "ACME-1"));
        CustomerImport[] rows =
        [
            new(Sample.Person("Ok", "Person")),
            new(Sample.Person("Taken", "Number", account: "acme-1")),
            new(Sample.Person("", "", email: "nope")),
            new(Sample.Person("Twice", "A", account: "DUP-9")),
            new(Sample.Person("Twice", "B", account: "dup-9")),
        ];

        var result = await app.WithCustomersAsync(tenant, s => s.ImportAsync(rows, CancellationToken.None));

        Assert.Equal(0, result.Created);
        Assert.Equal(
            [(2, "AccountNumber"), (3, "FirstName"), (3, "Emails[0].Address"), (5, "AccountNumber")],
            result.Errors.Select(e => (e.Row, e.Field)));
        Assert.Contains("also used by row 4", result.Errors[^1].Message, StringComparison.Ordinal);
        Assert.Equal(1, await app.WithCustomersAsync(tenant, s => s.CountAsync(CancellationToken.None)));
    }

    [Fact]
    public async Task A_large_import_is_inserted_in_batches_with_sequential_numbers_that_skip_typed_ones()
    {
        var (tenant, _) = await app.NewTenantAsync();
        await app.ImportAsync(tenant, Sample.Person("Typed", "Earlier", account: "C-000003"));
        var rows = Enumerable.Range(1, CustomerService.ImportBatchSize + 500)
            .Select(i => new CustomerImport(Sample.Person($"Row{i:D4}", "Import", $"row{i}@example.com"), i % 10 == 0 ? CustomerStatus.Inactive : CustomerStatus.Active))
            .ToList();

        var result = await app.WithCustomersAsync(tenant, s => s.ImportAsync(rows, CancellationToken.None));

        Assert.True(result.Succeeded);
        Assert.Equal(1500, result.Created);
        var first = await app.WithCustomersAsync(tenant, s => s.FindByEmailAsync("row1@example.com", CancellationToken.None));
        var third = await app.WithCustomersAsync(tenant, s => s.FindByEmailAsync("row3@example.com", CancellationToken.None));
        var last = await app.WithCustomersAsync(tenant, s => s.FindByEmailAsync("row1500@example.com", CancellationToken.None));
        Assert.Equal("C-000001", Assert.Single(first).AccountNumber);
        Assert.Equal("C-000004", Assert.Single(third).AccountNumber);
        Assert.Equal("C-001501", Assert.Single(last).AccountNumber);
        var inactive = await app.WithCustomersAsync(tenant, s => s.SearchAsync(new CustomerQuery { Status = CustomerStatus.Inactive }, CancellationToken.None));
        Assert.Equal(150, inactive.TotalCount);
    }

    [Fact]
    public async Task Portal_flags_set_by_other_modules_do_not_disturb_a_staff_edit_in_progress()
    {
        var (tenant, _) = await app.NewTenantAsync();
        var id = (await app.ImportAsync(tenant, Sample.Person("Inez", "Calloway", "inez@example.com")))[0];
        var signedIn = new DateTimeOffset(2026, 5, 4, 3, 2, 1, TimeSpan.Zero);

        var found = await app.WithCustomersAsync(tenant, s => s.SetPortalFlagsAsync(id, new CustomerPortalFlags(HasPortalAccount: true, LastPortalSignInUtc: signedIn), CancellationToken.None));
        var edit = await app.WithCustomersAsync(tenant, s => s.UpdateAsync(id, Sample.Person("Inez", "Calloway-Hart", "inez@example.com"), expectedVersion: 0, CancellationToken.None));
        var missing = await app.WithCustomersAsync(tenant, s => s.SetPortalFlagsAsync(424242, new CustomerPortalFlags(AutopayEnabled: true), CancellationToken.None));

        Assert.True(found);
        Assert.True(edit.Succeeded);
        Assert.False(missing);
        var customer = (await app.WithCustomersAsync(tenant, s => s.GetAsync(id, CancellationToken.None)))!;
        Assert.True(customer.HasPortalAccount);
        Assert.Equal(signedIn, customer.LastPortalSignInUtc);
        Assert.Equal("Inez Calloway-Hart", customer.DisplayName);
    }
}
