using System.Globalization;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using OrchardPortal.Customers.Services;
using OrchardPortal.Testing;
using OrchardPortal.Web.Testing;

namespace OrchardPortal.Customers.Tests.Infrastructure;

/// <summary>
/// The real host over one storage kind, with SMTP pointed at the shared maildev server. One per test
/// class; each test makes its own tenant, so tests never see each other's customers.
/// </summary>
public abstract class CustomersApp(StorageKind storage) : IAsyncLifetime
{
    private PortalApp? _app;

    public MailDevServer Mail { get; private set; } = null!;

    public PortalApp App => _app ?? throw new InvalidOperationException("Not initialized.");

    public StorageKind Storage => storage;

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

    /// <summary>A fresh tenant and a browser-like client signed in as its owner through the sign-in page.</summary>
    public async Task<(TenantHandle Tenant, HttpClient Staff)> NewTenantAsync(string recipe = "default")
    {
        var tenant = await App.CreateTenantAsync(recipe: recipe);
        return (tenant, await SignInAsync(tenant));
    }

    public async Task<HttpClient> SignInAsync(TenantHandle tenant)
    {
        var client = App.CreateClient(tenant.Host);
        var response = await client.PostFormAsync("/admin/login", [new("Input.Email", tenant.OwnerEmail), new("Input.Password", tenant.OwnerPassword)]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    /// <summary>Runs <paramref name="action"/> with the tenant's <see cref="CustomerService"/> (how other modules reach customers).</summary>
    public Task<T> WithCustomersAsync<T>(TenantHandle tenant, Func<CustomerService, Task<T>> action) =>
        App.InTenantScopeAsync(tenant.Name, sp => action(sp.GetRequiredService<CustomerService>()));

    public Task<T> InTenantAsync<T>(TenantHandle tenant, Func<IServiceProvider, Task<T>> action) => App.InTenantScopeAsync(tenant.Name, action);

    /// <summary>Adds customers through the bulk import (the path spreadsheets and recipes take).</summary>
    public async Task<IReadOnlyList<long>> ImportAsync(TenantHandle tenant, params CustomerDetails[] customers)
    {
        var result = await WithCustomersAsync(tenant, s => s.ImportAsync(customers.Select(c => new CustomerImport(c)), CancellationToken.None));
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => $"{e.Row} {e.Field}: {e.Message}")));
        var page = await WithCustomersAsync(tenant, s => s.SearchAsync(new CustomerQuery { Sort = CustomerSort.Created, PageSize = CustomerQuery.MaxPageSize }, CancellationToken.None));
        return [.. page.Items.Select(i => i.Id)];
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}

public sealed class SqliteCustomersApp() : CustomersApp(StorageKind.Sqlite);

public sealed class PostgresCustomersApp() : CustomersApp(StorageKind.Postgres);
