using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OrchardPortal.Billing.Models;
using OrchardPortal.Billing.Services;
using OrchardPortal.Core.Data;
using OrchardPortal.Core.Tenancy;
using OrchardPortal.Customers.Models;
using OrchardPortal.Customers.Services;
using OrchardPortal.Payments.Autopay.Enrollment;
using OrchardPortal.Payments.Gateways;
using OrchardPortal.Payments.PayInvoices;
using OrchardPortal.Portal.Models;

namespace OrchardPortal.Bench.Scenarios;

/// <summary>
/// The autopay bench's starting point. Customers are imported and enrolled through the product's services (a card
/// saved at the fake Stripe with a SetupIntent, then the same enrolment the portal page makes); the invoices are bulk
/// inserted as issued, open invoices with their ledger charge — it is a bench, and issuing 10,000 invoices one by one
/// through the staff service would take longer than the run it prepares.
/// </summary>
internal static class AutopaySeed
{
    private const int EnrolConcurrency = 8;
    private const int InsertBatch = 1000;

    public static async Task<(int Customers, int Invoices)> SeedAsync(IServiceProvider services, TenantRecord tenant, int customers, int invoices, CancellationToken cancellationToken)
    {
        var scopes = services.GetRequiredService<TenantScopeFactory>();
        var batch = Guid.NewGuid().ToString("N")[..8];
        List<(long Id, string Name)> ids;
        await using (var scope = scopes.CreateScope(tenant))
        {
            var rows = Enumerable.Range(1, customers).Select(i => new CustomerImport(new CustomerDetails
            {
                FirstName = "Autopay",
                LastName = $"Customer {i:D5}",
                Emails = [new EmailDetails { Address = $"ap{i:D5}.{batch}@bench.example.com" }],
            }));
            var result = await scope.ServiceProvider.GetRequiredService<CustomerService>().ImportAsync(rows, cancellationToken);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException("Import failed: " + string.Join("; ", result.Errors.Take(5).Select(e => $"{e.Row} {e.Field}: {e.Message}")));
            }

            ids = (await scope.ServiceProvider.GetRequiredService<TenantDbContext>().Set<Customer>().AsNoTracking()
                .OrderBy(c => c.Id).Select(c => new { c.Id, c.DisplayName }).ToListAsync(cancellationToken)).Select(c => (c.Id, c.DisplayName)).ToList();
        }

        await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = EnrolConcurrency, CancellationToken = cancellationToken }, async (customer, token) =>
        {
            await using var scope = scopes.CreateScope(tenant);
            var sp = scope.ServiceProvider;
            var gateway = await sp.GetRequiredService<PaymentGatewayResolver>().GetAsync(token);
            var customerRef = await sp.GetRequiredService<PayService>().GatewayCustomerAsync(gateway, customer.Id, token);
            var setup = await gateway.CreateSetupAsync(new SetupRequest(customerRef, OrchardPortal.Payments.Gateways.PaymentMethodKind.Card, "bench-setup:" + customer.Id, "pm_card_visa"), token);
            var change = await sp.GetRequiredService<AutopayEnrollmentService>().EnableAsync(
                new PortalCustomer(customer.Id.ToString(CultureInfo.InvariantCulture), customer.Name) { CustomerId = customer.Id },
                new AutopayRequest(setup.PaymentMethodId, Consented: true, "127.0.0.1", "OrchardPortal.Bench"), token);
            if (!change.Succeeded)
            {
                throw new InvalidOperationException($"Enrolling customer {customer.Id} failed: {change.Error}");
            }
        });

        var created = 0;
        for (var start = 0; start < invoices; start += InsertBatch)
        {
            await using var scope = scopes.CreateScope(tenant);
            var db = scope.ServiceProvider.GetRequiredService<TenantDbContext>();
            var today = await scope.ServiceProvider.GetRequiredService<BillingContext>().TodayAsync(cancellationToken);
            var now = DateTimeOffset.UtcNow;
            var added = new List<Invoice>();
            foreach (var n in Enumerable.Range(start, Math.Min(InsertBatch, invoices - start)))
            {
                var (customerId, name) = ids[n % ids.Count];
                var amount = 4_000 + (n % 50) * 100L;
                var number = $"INV-B{n + 1:D6}";
                var invoice = new Invoice
                {
                    Number = number,
                    NumberKey = number,
                    CustomerId = customerId,
                    CustomerName = name,
                    SearchText = (number + " " + name).ToLowerInvariant(),
                    IssueDate = today.AddDays(-30),
                    DueDate = today,
                    Currency = "USD",
                    Subtotal = amount,
                    Total = amount,
                    Status = InvoiceStatus.Open,
                    IssuedUtc = now,
                    CreatedUtc = now,
                    UpdatedUtc = now,
                    Lines = [new InvoiceLine { Description = "Monthly lawn care", Quantity = 1, UnitPrice = amount, Amount = amount }],
                };
                db.Add(invoice);
                added.Add(invoice);
            }

            await db.SaveChangesAsync(cancellationToken);
            // The charge each issued invoice puts in the customer's ledger (what issuing does).
            db.AddRange(added.Select(i => new LedgerEntry
            {
                CustomerId = i.CustomerId, Kind = LedgerEntryKind.Charge, Date = i.IssueDate, Amount = i.Total, Reference = i.Number, Description = $"Invoice {i.Number}", InvoiceId = i.Id, CreatedUtc = now,
            }));
            await db.SaveChangesAsync(cancellationToken);
            created += added.Count;
        }

        return (ids.Count, created);
    }
}
