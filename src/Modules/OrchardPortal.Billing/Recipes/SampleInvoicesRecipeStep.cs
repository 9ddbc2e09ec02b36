using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OrchardPortal.Billing.Estimates;
using OrchardPortal.Billing.Invoices;
using OrchardPortal.Billing.Ledger;
using OrchardPortal.Billing.Models;
using OrchardPortal.Billing.Services;
using OrchardPortal.Core.Recipes;
using OrchardPortal.Customers.Services;

namespace OrchardPortal.Billing.Recipes;

/// <summary>
/// <c>{ "name": "sample-invoices" }</c>: gives the first demo customers (from <c>sample-customers</c>,
/// which must run first) a few invoices — paid, partly paid, open — and one sent estimate, through the
/// same services staff use, so totals, ledger rows and statuses are real.
/// </summary>
public sealed class SampleInvoicesRecipeStep : IRecipeStepHandler
{
    public string StepName => "sample-invoices";

    public IEnumerable<string> Validate(JsonElement step)
    {
        foreach (var property in step.EnumerateObject())
        {
            if (property.Name != "name")
            {
                yield return $"unknown field '{property.Name}' (this step takes no options).";
            }
        }
    }

    public async Task ExecuteAsync(JsonElement step, RecipeExecutionContext context, CancellationToken cancellationToken)
    {
        var services = context.Services;
        var customers = await services.GetRequiredService<CustomerService>()
            .SearchAsync(new CustomerQuery { Sort = CustomerSort.Created, PageSize = 4 }, cancellationToken);
        if (customers.Items.Count == 0)
        {
            throw new InvalidOperationException("sample-invoices needs customers: run sample-customers before it.");
        }

        var invoices = services.GetRequiredService<InvoiceService>();
        var ledger = services.GetRequiredService<BillingLedger>();
        var today = await services.GetRequiredService<BillingContext>().TodayAsync(cancellationToken);
        var plan = new (int Customer, int DaysAgo, LineDraft[] Lines, int PaidPercent)[]
        {
            (0, 45, [Line("Weekly mowing — 4 visits", 4, 4500), Line("Edging and blowing", 1, 2500)], 100),
            (0, 14, [Line("Spring clean-up", 1, 18500), Line("Mulch, installed (cubic yards)", 2.5m, 6200, 6.25m)], 0),
            (1, 30, [Line("Lawn fertilization — early spring", 1, 6900), Line("Weed control", 1, 3900)], 50),
            (2, 20, [Line("Common-area mowing — April", 1, 96000), Line("Pond edge trimming (hours)", 3.5m, 5500)], 0),
        };
        foreach (var (index, daysAgo, lines, paidPercent) in plan.Where(p => p.Customer < customers.Items.Count))
        {
            var customerId = customers.Items[index].Id;
            var issued = today.AddDays(-daysAgo);
            var created = await invoices.CreateAsync(new DocumentDraft { CustomerId = customerId, IssueDate = issued, EndDate = issued.AddDays(30), Lines = [.. lines] }, cancellationToken);
            Check(created);
            Check(await invoices.IssueAsync(created.Id, cancellationToken));
            if (paidPercent > 0)
            {
                var invoice = await invoices.GetAsync(created.Id, cancellationToken);
                var paid = await ledger.RecordPaymentAsync(new PaymentRequest
                {
                    CustomerId = customerId,
                    Amount = invoice!.Total * paidPercent / 100,
                    Method = PaymentMethodKind.Check,
                    ExternalReference = (1040 + created.Id).ToString(System.Globalization.CultureInfo.InvariantCulture),
                    IdempotencyKey = "sample-invoices:" + created.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    ReceivedDate = issued.AddDays(7),
                    Allocations = [new InvoiceAllocation(invoice.Id, invoice.Total * paidPercent / 100)],
                    RecordedBy = "Sample data",
                }, cancellationToken);
                if (!paid.Succeeded)
                {
                    throw new InvalidOperationException("Sample payment refused: " + paid.Error);
                }
            }
        }

        var estimates = services.GetRequiredService<EstimateService>();
        var estimate = await estimates.CreateAsync(new DocumentDraft
        {
            CustomerId = customers.Items[0].Id,
            IssueDate = today.AddDays(-3),
            EndDate = today.AddDays(27),
            Notes = "Includes removal of the old shrubs and haul-away.",
            Lines = [Line("Boxwood shrubs, planted", 6, 4800, 6.25m), Line("Bed preparation and edging (hours)", 4, 5500), Line("Hardwood mulch (cubic yards)", 3, 6200, 6.25m)],
        }, cancellationToken);
        Check(estimate);
        Check(await estimates.SendAsync(estimate.Id, cancellationToken));
    }

    private static LineDraft Line(string description, decimal quantity, long unitPrice, decimal taxRate = 0) =>
        new() { Description = description, Quantity = quantity, UnitPrice = unitPrice, TaxRate = taxRate };

    // Only a defect in the sample data gets here; failing the step rolls the whole tenant back.
    private static void Check(BillingResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Sample billing data is invalid: " + string.Join("; ", result.Errors.Select(e => $"{e.Key}: {e.Value}")));
        }
    }
}
