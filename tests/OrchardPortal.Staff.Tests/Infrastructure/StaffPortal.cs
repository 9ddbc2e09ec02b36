using System.Globalization;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
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

    /// <summary>A new tenant, provisioned the way signup does it, on this host's clock.</summary>
    public Task<TenantHandle> CreateTenantAsync(string? companyName = null) =>
        PortalApp.CreateTenantAsync(Services, companyName: companyName);

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
