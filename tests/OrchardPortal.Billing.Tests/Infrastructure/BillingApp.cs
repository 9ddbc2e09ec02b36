using System.Globalization;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using OrchardPortal.Billing.Invoices;
using OrchardPortal.Billing.Ledger;
using OrchardPortal.Billing.Services;
using OrchardPortal.Customers.Models;
using OrchardPortal.Customers.Services;
using OrchardPortal.Testing;
using OrchardPortal.Web.Testing;

namespace OrchardPortal.Billing.Tests.Infrastructure;

/// <summary>
/// The real host over one storage kind, with SMTP pointed at the shared maildev server. One per test
/// class; each test makes its own tenant and customers, so tests never see each other's invoices.
/// </summary>
public abstract class BillingApp(StorageKind storage) : IAsyncLifetime
{
    private PortalApp? _app;

    public MailDevServer Mail { get; private set; } = null!;

    public PortalApp App => _app ?? throw new InvalidOperationException("Not initialized.");

    public async Task InitializeAsync()
    {
        Mail = await MailDevServer.GetAsync();
        _app = await PortalApp.CreateAsync(storage, new Dictionary<string, string?>
        {
            ["Email:Smtp:Host"] = Mail.SmtpHost,
            ["Email:Smtp:Port"] = Mail.SmtpPort.ToString(CultureInfo.InvariantCulture),
            ["Email:Outbox:PollInterval"] = "00:00:00.200",
        });
    }

    /// <summary>A fresh tenant and a client signed in as its owner through the sign-in page.</summary>
    public async Task<(TenantHandle Tenant, HttpClient Staff)> NewTenantAsync(string recipe = "default")
    {
        var tenant = await App.CreateTenantAsync(recipe: recipe);
        var client = App.CreateClient(tenant.Host);
        var response = await client.PostFormAsync("/admin/login", [new("Input.Email", tenant.OwnerEmail), new("Input.Password", tenant.OwnerPassword)]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return (tenant, client);
    }

    public Task<T> InTenantAsync<T>(TenantHandle tenant, Func<IServiceProvider, Task<T>> action) => App.InTenantScopeAsync(tenant.Name, action);

    public Task<T> LedgerAsync<T>(TenantHandle tenant, Func<BillingLedger, Task<T>> action) =>
        InTenantAsync(tenant, sp => action(sp.GetRequiredService<BillingLedger>()));

    public Task<T> InvoicesAsync<T>(TenantHandle tenant, Func<InvoiceService, Task<T>> action) =>
        InTenantAsync(tenant, sp => action(sp.GetRequiredService<InvoiceService>()));

    /// <summary>A customer made through the Customers module's service (as staff would through its form).</summary>
    public async Task<Customer> CustomerAsync(TenantHandle tenant, string first = "Marisol", string last = "Ortega")
    {
        return await InTenantAsync(tenant, async sp =>
        {
            var customers = sp.GetRequiredService<CustomerService>();
            var result = await customers.CreateAsync(new CustomerDetails
            {
                FirstName = first,
                LastName = last,
                Emails = [new EmailDetails { Address = $"{first}.{last}.{Guid.NewGuid():N}@example.com".ToLowerInvariant() }],
                Addresses = [new AddressDetails { Kind = AddressKind.Service, Label = "Home", Line1 = "418 Birchwood Lane", City = "Maple Hollow", Region = "IL", PostalCode = "60510" }],
            }, CancellationToken.None);
            Assert.True(result.Succeeded, string.Join("; ", result.Errors.Values));
            return (await customers.GetAsync(result.CustomerId, CancellationToken.None))!;
        });
    }

    /// <summary>An issued invoice with the given line amounts (quantity 1, no tax), as staff would create and issue it.</summary>
    public Task<long> IssuedInvoiceAsync(TenantHandle tenant, long customerId, params long[] prices) =>
        InvoicesAsync(tenant, async invoices =>
        {
            var today = TenantDate.Today;
            var created = await invoices.CreateAsync(new DocumentDraft
            {
                CustomerId = customerId,
                IssueDate = today,
                EndDate = today.AddDays(30),
                Lines = [.. prices.Select((p, i) => new LineDraft { Description = $"Visit {i + 1}", Quantity = 1, UnitPrice = p })],
            }, CancellationToken.None);
            Assert.True(created.Succeeded, created.Message);
            var issued = await invoices.IssueAsync(created.Id, CancellationToken.None);
            Assert.True(issued.Succeeded, issued.Message);
            return created.Id;
        });

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}

public sealed class SqliteBillingApp() : BillingApp(StorageKind.Sqlite);

public sealed class PostgresBillingApp() : BillingApp(StorageKind.Postgres);
