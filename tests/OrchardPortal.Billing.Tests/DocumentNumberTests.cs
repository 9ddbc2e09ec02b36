using OrchardPortal.Billing.Invoices;
using OrchardPortal.Billing.Services;
using OrchardPortal.Billing.Tests.Infrastructure;

namespace OrchardPortal.Billing.Tests;

/// <summary>Invoice numbers: typed by staff or generated, never two alike.</summary>
public sealed class DocumentNumberTests(SqliteBillingApp app) : IClassFixture<SqliteBillingApp>
{
    private static DocumentDraft Draft(long customerId, string? number) => new()
    {
        CustomerId = customerId,
        Number = number,
        IssueDate = new DateOnly(2026, 11, 1),
        EndDate = new DateOnly(2026, 11, 30),
        Lines = [new LineDraft { Description = "Lawn mowing", Quantity = 1, UnitPrice = 4500 }],
    };

    [Fact]
    public async Task A_typed_number_already_in_use_is_refused_on_the_number_field()
    {
        var (tenant, _) = await app.NewTenantAsync();
        var customer = await app.CustomerAsync(tenant);

        var first = await app.InvoicesAsync(tenant, i => i.CreateAsync(Draft(customer.Id, "JOB-77"), CancellationToken.None));
        var second = await app.InvoicesAsync(tenant, i => i.CreateAsync(Draft(customer.Id, " job-77 "), CancellationToken.None));

        Assert.True(first.Succeeded);
        Assert.False(second.Succeeded);
        Assert.Equal(InvoiceService.DuplicateNumber("job-77"), second.Errors["Number"]);
    }

    [Fact]
    public async Task A_generated_number_someone_typed_by_hand_is_skipped()
    {
        var (tenant, _) = await app.NewTenantAsync();
        var customer = await app.CustomerAsync(tenant);

        var typed = await app.InvoicesAsync(tenant, i => i.CreateAsync(Draft(customer.Id, DocumentNumbers.InvoicePrefix + "000001"), CancellationToken.None));
        var generated = await app.InvoicesAsync(tenant, i => i.CreateAsync(Draft(customer.Id, null), CancellationToken.None));

        Assert.True(typed.Succeeded);
        Assert.True(generated.Succeeded);
        var invoice = await app.InvoicesAsync(tenant, i => i.GetAsync(generated.Id, CancellationToken.None));
        Assert.Equal(DocumentNumbers.InvoicePrefix + "000002", invoice!.Number);
    }
}
