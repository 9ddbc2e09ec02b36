using System.Globalization;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using OrchardPortal.Core.Provisioning;
using OrchardPortal.Core.Tenancy;
using OrchardPortal.Staff.Services;
using OrchardPortal.Testing;
using OrchardPortal.Web.Testing;

namespace OrchardPortal.Staff.Tests.Infrastructure;

/// <summary>
/// The real host (<see cref="PortalApp"/>) with a clock tests can move and SMTP pointed at the shared
/// maildev server. One per test class and storage kind; each test makes its own tenants.
/// </summary>
public abstract class StaffPortal(StorageKind storage) : IAsyncLifetime
{
    private PortalApp? _base;
    private WebApplicationFactory<Program>? _app;
    private static int _counter;

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
        _app = _base.WithWebHostBuilder(builder => builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock)));
    }

    /// <summary>A browser-like client for <paramref name="host"/>: keeps cookies, doesn't follow redirects.</summary>
    public HttpClient CreateClient(string host, bool handleCookies = true) => App.CreateClient(new WebApplicationFactoryClientOptions
    {
        BaseAddress = new Uri("http://" + host),
        AllowAutoRedirect = false,
        HandleCookies = handleCookies,
    });

    /// <summary>A new tenant, provisioned the way signup does it (the same steps as <see cref="PortalApp.CreateTenantAsync"/>, on this host's clock).</summary>
    public async Task<TenantHandle> CreateTenantAsync(string? companyName = null)
    {
        var name = $"s{Environment.ProcessId % 10000}-{Interlocked.Increment(ref _counter)}-{Guid.NewGuid().ToString("N")[..6]}";
        var request = new ProvisioningRequest
        {
            CompanyName = companyName ?? $"Green Acres {name}",
            Subdomain = name,
            OwnerName = "Olivia Owner",
            OwnerEmail = $"owner@{name}.example.com",
            OwnerPassword = "Lawn-Mower-Blue-42",
            RecipeName = "default",
            RequireSelectableRecipe = false,
        };
        await using var scope = Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<TenantProvisioningService>().ProvisionAsync(request, CancellationToken.None);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Provisioning failed: " + string.Join("; ", result.Errors.Select(e => $"{e.Key}: {e.Value}")));
        }

        return new TenantHandle(name, $"{name}.localhost", request.OwnerEmail, request.OwnerPassword, request.OwnerName, result.OwnerLandingPath);
    }

    /// <summary>Reads a staff member's id (for posting to actions the page offers by id).</summary>
    public async Task<Guid> StaffIdAsync(TenantHandle tenant, string email)
    {
        var registry = Services.GetRequiredService<TenantRegistry>();
        var record = await registry.FindByHostAsync(tenant.Host, CancellationToken.None) ?? throw new InvalidOperationException("No such tenant.");
        await using var scope = Services.GetRequiredService<TenantScopeFactory>().CreateScope(record);
        var users = await scope.ServiceProvider.GetRequiredService<StaffAccountService>().ListAsync(CancellationToken.None);
        return users.Single(u => u.Email == email).Id;
    }

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

public sealed class SqliteStaffPortal() : StaffPortal(StorageKind.Sqlite);

public sealed class PostgresStaffPortal() : StaffPortal(StorageKind.Postgres);
