using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using OrchardPortal.FakeStripe;
using OrchardPortal.Testing;
using OrchardPortal.Web.Testing;

namespace OrchardPortal.Payments.Tests.Infrastructure;

/// <summary>
/// The real host (SQLite) with Stripe pointed at a fake Stripe server and SMTP at maildev; payments are
/// recorded in Billing's real ledger. One per test class; each test makes its own tenant.
/// </summary>
public sealed class PaymentsApp : IAsyncLifetime
{
    private readonly IReadOnlyDictionary<string, string?> _settings;
    private PortalApp? _app;
    private FakeStripeServer? _stripe;

    public PaymentsApp()
        : this(new Dictionary<string, string?>())
    {
    }

    /// <summary>With further settings (over the defaults below), for fixtures that wrap this app.</summary>
    internal PaymentsApp(IReadOnlyDictionary<string, string?> settings) => _settings = settings;

    public PortalApp App => _app ?? throw new InvalidOperationException("Not initialized.");

    public FakeStripeServer Stripe => _stripe ?? throw new InvalidOperationException("Not initialized.");

    public MailDevServer Mail { get; private set; } = null!;

    public IServiceProvider Services => App.Services;

    public async Task InitializeAsync()
    {
        _stripe = await FakeStripeServer.StartAsync();
        Mail = await MailDevServer.GetAsync();
        var settings = new Dictionary<string, string?>
        {
            ["Email:Smtp:Host"] = Mail.SmtpHost,
            ["Email:Smtp:Port"] = Mail.SmtpPort.ToString(CultureInfo.InvariantCulture),
            ["Email:Outbox:PollInterval"] = "00:00:00.200",
            ["Payments:Stripe:BaseUrl"] = _stripe.BaseUrl + "/",
            ["Payments:Stripe:RetryBaseDelay"] = "00:00:00.005",
            ["Payments:Stripe:MaxRetryDelay"] = "00:00:00.020",
            ["Payments:Sandbox:AchSettlementDelay"] = "00:00:00",
        };
        foreach (var (key, value) in _settings)
        {
            settings[key] = value;
        }

        _app = PortalApp.CreateSqlite(settings);
    }

    public HttpClient CreateClient(string host) => App.CreateClient(new WebApplicationFactoryClientOptions
    {
        BaseAddress = new Uri("http://" + host),
        AllowAutoRedirect = false,
        HandleCookies = true,
    });

    public Task<TenantHandle> CreateTenantAsync() => App.CreateTenantAsync();

    public Task<T> InTenantAsync<T>(TenantHandle tenant, Func<IServiceProvider, Task<T>> action) => App.InTenantScopeAsync(tenant.Name, action);

    /// <summary>A client signed in as the tenant's owner through the staff sign-in page.</summary>
    public async Task<HttpClient> SignInAsync(TenantHandle tenant)
    {
        var client = CreateClient(tenant.Host);
        var response = await client.PostFormAsync("/admin/login", [new("Input.Email", tenant.OwnerEmail), new("Input.Password", tenant.OwnerPassword)]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        if (_stripe is not null)
        {
            await _stripe.DisposeAsync();
        }
    }
}
