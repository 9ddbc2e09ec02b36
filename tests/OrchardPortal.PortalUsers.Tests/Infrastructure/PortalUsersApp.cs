using System.Globalization;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using OrchardPortal.Customers.Models;
using OrchardPortal.Customers.Services;
using OrchardPortal.Portal.Models;
using OrchardPortal.Portal.Services;
using OrchardPortal.PortalUsers.Services;
using OrchardPortal.Testing;
using OrchardPortal.Web.Testing;

namespace OrchardPortal.PortalUsers.Tests.Infrastructure;

/// <summary>
/// The real host (<see cref="PortalApp"/>) with a clock tests can move and SMTP pointed at the shared
/// maildev server. One per test class and storage kind; each test makes its own tenant and customers
/// (with unique addresses: maildev is shared by every test running).
/// </summary>
public abstract class PortalUsersApp(StorageKind storage) : IAsyncLifetime
{
    private PortalApp? _base;
    private WebApplicationFactory<Program>? _app;

    public ManualClock Clock { get; } = new();

    public MailDevServer Mail { get; private set; } = null!;

    public StorageKind Storage => storage;

    public IServiceProvider Services => App.Services;

    private WebApplicationFactory<Program> App => _app ?? throw new InvalidOperationException("Not initialized.");

    public async Task InitializeAsync()
    {
        Mail = await MailDevServer.GetAsync();
        var settings = new Dictionary<string, string?>
        {
            ["Email:Smtp:Host"] = Mail.SmtpHost,
            ["Email:Smtp:Port"] = Mail.SmtpPort.ToString(CultureInfo.InvariantCulture),
            ["Email:Outbox:PollInterval"] = "00:00:00.200",
        };
        _base = await PortalApp.CreateAsync(storage, settings);
        _app = _base.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            ConfigureTestServices(services);
        }));
    }

    /// <summary>Lets a fixture replace services of the host (after the modules registered theirs).</summary>
    protected virtual void ConfigureTestServices(IServiceCollection services)
    {
    }

    /// <summary>A browser-like client for <paramref name="host"/>: keeps cookies, doesn't follow redirects.</summary>
    public HttpClient CreateClient(string host, bool handleCookies = true) => App.CreateClient(new WebApplicationFactoryClientOptions
    {
        BaseAddress = new Uri("http://" + host),
        AllowAutoRedirect = false,
        HandleCookies = handleCookies,
    });

    public Task<TenantHandle> CreateTenantAsync(string? companyName = null) => PortalApp.CreateTenantAsync(Services, companyName: companyName);

    public Task<T> InTenantScopeAsync<T>(TenantHandle tenant, Func<IServiceProvider, Task<T>> action) =>
        PortalApp.InTenantScopeAsync(Services, tenant.Name, action);

    /// <summary>A customer as staff would create it (through CustomerService, as the admin page does).</summary>
    public Task<long> CreateCustomerAsync(TenantHandle tenant, string first, string last, string? email, string? account = null) =>
        InTenantScopeAsync(tenant, async sp =>
        {
            var result = await sp.GetRequiredService<CustomerService>().CreateAsync(new CustomerDetails
            {
                FirstName = first,
                LastName = last,
                AccountNumber = account,
                Emails = email is null ? [] : [new EmailDetails { Address = email, IsPrimary = true }],
                Addresses = [new AddressDetails { Kind = AddressKind.Service, Label = "Home", Line1 = "418 Birchwood Lane", City = "Maple Hollow", Region = "IL", PostalCode = "60510" }],
            }, CancellationToken.None);
            Assert.True(result.Succeeded, string.Join("; ", result.Errors.Values));
            return result.CustomerId;
        });

    /// <summary>"Send portal registration link" on a customer.</summary>
    public Task<PortalInvitationResult> InviteAsync(TenantHandle tenant, long customerId) =>
        InTenantScopeAsync(tenant, sp => sp.GetRequiredService<PortalInvitationService>().InviteCustomerAsync(customerId, CancellationToken.None));

    public Task<T> UsersAsync<T>(TenantHandle tenant, Func<PortalUserService, Task<T>> action) =>
        InTenantScopeAsync(tenant, sp => action(sp.GetRequiredService<PortalUserService>()));

    public Task<bool> SetPortalSettingsAsync(TenantHandle tenant, Action<PortalSettings> change) =>
        InTenantScopeAsync(tenant, async sp =>
        {
            var service = sp.GetRequiredService<PortalSettingsService>();
            var settings = await service.GetAsync(CancellationToken.None);
            if (settings.NotificationEmails.Count == 0)
            {
                settings.NotificationEmails = [tenant.OwnerEmail];
            }

            change(settings);
            var errors = await service.SaveAsync(settings, CancellationToken.None);
            Assert.Empty(errors);
            return true;
        });

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        if (_base is not null)
        {
            await _base.DisposeAsync();
        }
    }
}

public sealed class SqlitePortalUsersApp() : PortalUsersApp(StorageKind.Sqlite);

public sealed class PostgresPortalUsersApp() : PortalUsersApp(StorageKind.Postgres);
