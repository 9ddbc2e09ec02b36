using System.Globalization;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OrchardPortal.Core.Data;
using OrchardPortal.Core.Email;
using OrchardPortal.Core.Provisioning;
using OrchardPortal.Core.Tenancy;
using OrchardPortal.Web.Testing;

namespace OrchardPortal.Core.Tests.Email;

/// <summary>
/// A <see cref="PortalApp"/> whose clock the test can move (and whose services it may replace), plus
/// the outbox reads the email tests share. Tenants are created through the real provisioning service.
/// </summary>
internal sealed class EmailHost : IAsyncDisposable
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    private readonly PortalApp _app;
    private readonly WebApplicationFactory<Program> _factory;

    private EmailHost(PortalApp app, TestClock clock, Action<IServiceCollection>? services)
    {
        _app = app;
        Clock = clock;
        _factory = app.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
        {
            s.AddSingleton<TimeProvider>(clock);
            services?.Invoke(s);
        }));
    }

    public TestClock Clock { get; }

    public IServiceProvider Services => _factory.Services;

    /// <summary>This host's App_Data (shared with <c>sameStorageAs</c>, if given).</summary>
    public string AppDataPath { get; private init; } = "";

    /// <summary>
    /// Starts a host; <paramref name="smtpPort"/> null means no SMTP host (pickup folder). With
    /// <paramref name="sameStorageAs"/>, it works on that host's App_Data and database: a second node,
    /// or the same node after a restart.
    /// </summary>
    public static async Task<EmailHost> StartAsync(
        int? smtpPort,
        StorageKind storage = StorageKind.Sqlite,
        bool dispatcher = true,
        EmailHost? sameStorageAs = null,
        Action<IServiceCollection>? services = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Email:Outbox:PollInterval"] = PollInterval.ToString("c", CultureInfo.InvariantCulture),
            ["Email:Outbox:DispatcherEnabled"] = dispatcher ? "true" : "false",
            ["Email:Smtp:FromAddress"] = "portal@orchardportal.test",
        };
        if (smtpPort is { } port)
        {
            settings["Email:Smtp:Host"] = "127.0.0.1";
            settings["Email:Smtp:Port"] = port.ToString(CultureInfo.InvariantCulture);
            settings["Email:Smtp:Timeout"] = "00:00:10";
        }

        if (sameStorageAs is not null)
        {
            storage = sameStorageAs._app.Storage;
            settings["Storage:AppDataPath"] = sameStorageAs.AppDataPath;
            settings["Storage:ConnectionString"] = sameStorageAs.Services.GetRequiredService<IConfiguration>()["Storage:ConnectionString"];
        }

        var app = await PortalApp.CreateAsync(storage, settings);
        var host = new EmailHost(app, new TestClock(), services) { AppDataPath = sameStorageAs?.AppDataPath ?? app.AppDataPath };
        _ = host._factory.Server; // Start it, so the dispatcher runs before the test acts.
        return host;
    }

    public HttpClient CreateClient(string host) => _factory.CreateClient(new WebApplicationFactoryClientOptions
    {
        BaseAddress = new Uri("http://" + host),
        AllowAutoRedirect = false,
    });

    public async Task<TenantRecord> CreateTenantAsync()
    {
        var name = $"mail{Guid.NewGuid().ToString("N")[..10]}";
        await using var scope = Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<TenantProvisioningService>().ProvisionAsync(
            new ProvisioningRequest
            {
                CompanyName = "Green Acres Lawn Care",
                Subdomain = name,
                OwnerName = "Olivia Owner",
                OwnerEmail = $"owner@{name}.example.com",
                OwnerPassword = "Quiet-Harbor-Lantern-7719",
                RecipeName = "default",
                RequireSelectableRecipe = false,
            },
            CancellationToken.None);
        return result.Tenant ?? throw new InvalidOperationException("Provisioning failed: " + string.Join("; ", result.Errors.Select(e => $"{e.Key}: {e.Value}")));
    }

    public async Task<T> InTenantAsync<T>(TenantRecord tenant, Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = Services.GetRequiredService<TenantScopeFactory>().CreateScope(tenant);
        return await action(scope.ServiceProvider);
    }

    public Task<Guid> SendNowAsync(TenantRecord tenant, OutboundEmail email) =>
        InTenantAsync(tenant, sp => sp.GetRequiredService<IEmailOutbox>().SendNowAsync(email, CancellationToken.None));

    public Task<OutboxMessage?> FindMessageAsync(TenantRecord tenant, Guid id) =>
        InTenantAsync(tenant, sp => sp.GetRequiredService<TenantDbContext>().Set<OutboxMessage>().AsNoTracking().FirstOrDefaultAsync(m => m.Id == id));

    public Task<int> CountMessagesAsync(TenantRecord tenant) =>
        InTenantAsync(tenant, sp => sp.GetRequiredService<TenantDbContext>().Set<OutboxMessage>().CountAsync());

    /// <summary>Polls the message until <paramref name="done"/> holds; fails with its last state otherwise.</summary>
    public async Task<OutboxMessage> WaitForMessageAsync(TenantRecord tenant, Guid id, Func<OutboxMessage, bool> done, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (true)
        {
            var message = await FindMessageAsync(tenant, id);
            if (message is not null && done(message))
            {
                return message;
            }

            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail(message is null
                    ? $"Outbox message {id} does not exist."
                    : $"Outbox message {id} did not reach the expected state; it is {message.State}, attempts {message.Attempts}, last error '{message.LastError}'.");
            }

            await Task.Delay(50);
        }
    }

    public string PickupFolder(TenantRecord tenant) => Path.Combine(AppDataPath, "Sites", tenant.Name, "mail-pickup");

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _app.DisposeAsync();
    }
}
