using System.Globalization;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using OrchardPortal.Core.Tenancy;
using OrchardPortal.FakeStripe;
using OrchardPortal.Payments.Autopay.Job;
using OrchardPortal.Testing;
using OrchardPortal.Web.Testing;

namespace OrchardPortal.Payments.Tests.Autopay.Infrastructure;

/// <summary>
/// The real host with a clock tests move, Stripe pointed at a fake Stripe server and SMTP at maildev. The
/// background autopay loop is off (<c>Payments:Autopay:JobEnabled=false</c>): tests run the job themselves, for
/// their own tenant, on this node or on a second node (a second host over the same storage, as another server would be).
/// </summary>
public abstract class AutopayApp(StorageKind storage) : IAsyncLifetime
{
    private PortalApp? _base;
    private WebApplicationFactory<Program>? _node;
    private WebApplicationFactory<Program>? _second;
    private FakeStripeServer? _stripe;

    public ManualClock Clock { get; } = new();

    public MailDevServer Mail { get; private set; } = null!;

    public FakeStripeServer Stripe => _stripe ?? throw new InvalidOperationException("Not initialized.");

    public IServiceProvider Services => Node.Services;

    private WebApplicationFactory<Program> Node => _node ?? throw new InvalidOperationException("Not initialized.");

    public async Task InitializeAsync()
    {
        _stripe = await FakeStripeServer.StartAsync();
        Mail = await MailDevServer.GetAsync();
        _base = await PortalApp.CreateAsync(storage, new Dictionary<string, string?>
        {
            ["Email:Smtp:Host"] = Mail.SmtpHost,
            ["Email:Smtp:Port"] = Mail.SmtpPort.ToString(CultureInfo.InvariantCulture),
            ["Email:Outbox:PollInterval"] = "00:00:00.200",
            ["Payments:Stripe:BaseUrl"] = _stripe.BaseUrl + "/",
            ["Payments:Stripe:RetryBaseDelay"] = "00:00:00.005",
            ["Payments:Stripe:MaxRetryDelay"] = "00:00:00.020",
            ["Payments:Autopay:JobEnabled"] = "false",
            // Small batches and several charges at once, so two nodes really interleave.
            ["Payments:Autopay:ClaimBatchSize"] = "4",
            ["Payments:Autopay:MaxConcurrentCharges"] = "4",
        });
        _node = WithClock(_base);
    }

    /// <summary>Another server over the same storage (its own DI container, caches and job), sharing the test's clock.</summary>
    public IServiceProvider SecondNode => (_second ??= WithClock(_base!)).Services;

    public HttpClient CreateClient(string host) => Node.CreateClient(new WebApplicationFactoryClientOptions
    {
        BaseAddress = new Uri("http://" + host),
        AllowAutoRedirect = false,
        HandleCookies = true,
    });

    public Task<TenantHandle> CreateTenantAsync() => PortalApp.CreateTenantAsync(Services);

    public Task<T> InTenantAsync<T>(TenantHandle tenant, Func<IServiceProvider, Task<T>> action) => PortalApp.InTenantScopeAsync(Services, tenant.Name, action);

    /// <summary>Runs the autopay job once for <paramref name="tenant"/> on this node (or another's services).</summary>
    public async Task<AutopaySummary> RunJobAsync(TenantHandle tenant, IServiceProvider? node = null)
    {
        node ??= Services;
        var record = await node.GetRequiredService<TenantRegistry>().FindByHostAsync(tenant.Host, CancellationToken.None)
            ?? throw new InvalidOperationException($"No tenant {tenant.Name}.");
        return await node.GetRequiredService<AutopayJob>().RunTenantAsync(record, CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        foreach (var app in new[] { _second, _node })
        {
            if (app is not null)
            {
                await app.DisposeAsync();
            }
        }

        if (_base is not null)
        {
            await _base.DisposeAsync();
        }

        if (_stripe is not null)
        {
            await _stripe.DisposeAsync();
        }
    }

    private WebApplicationFactory<Program> WithClock(PortalApp app) =>
        app.WithWebHostBuilder(builder => builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock)));
}

public sealed class SqliteAutopayApp() : AutopayApp(StorageKind.Sqlite);

public sealed class PostgresAutopayApp() : AutopayApp(StorageKind.Postgres);
