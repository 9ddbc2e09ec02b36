using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OrchardPortal.FakeStripe.Control;
using OrchardPortal.FakeStripe.Http;
using OrchardPortal.FakeStripe.State;
using OrchardPortal.FakeStripe.Webhooks;

namespace OrchardPortal.FakeStripe;

/// <summary>
/// An in-memory Stripe API on 127.0.0.1 for tests and benchmarks. Point a Stripe client at
/// <see cref="BaseUrl"/> with any <c>sk_test_…</c> key: each key is its own account. Tests
/// inspect and steer an account through <see cref="Account"/>. See README.md.
/// </summary>
public sealed class FakeStripeServer : IAsyncDisposable
{
    /// <summary>The Stripe API version whose object shapes the fake follows.</summary>
    public const string DefaultApiVersion = "2024-06-20";

    private readonly WebApplication _app;
    private readonly CancellationTokenSource _stopping;
    private readonly WebhookSender _sender;
    private readonly AccountRegistry _accounts;
    private readonly FakeStripeOptions _options;

    private FakeStripeServer(WebApplication app, CancellationTokenSource stopping, WebhookSender sender, AccountRegistry accounts,
        StripeClock clock, FakeStripeOptions options)
    {
        _app = app;
        _stopping = stopping;
        _sender = sender;
        _accounts = accounts;
        _options = options;
        Clock = clock;
    }

    /// <summary>Where the API listens, e.g. <c>http://127.0.0.1:41234</c> (no trailing slash).</summary>
    public string BaseUrl { get; private set; } = "";

    /// <summary>The fake clock; prefer <see cref="AdvanceClock"/>, which also settles ACH debits that came due.</summary>
    public StripeClock Clock { get; }

    public static async Task<FakeStripeServer> StartAsync(FakeStripeOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new FakeStripeOptions();
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        // Port 0: the kernel picks a free loopback port at bind time, so two servers never race for one.
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();

        var stopping = new CancellationTokenSource();
        var sender = new WebhookSender(options.SignatureTime, options.WebhookTimeout);
        var accounts = new AccountRegistry(sender, options.WebhookRetryDelays, stopping.Token);
        var clock = new StripeClock(options.Time);
        var server = new FakeStripeServer(app, stopping, sender, accounts, clock, options);
        var pipeline = new ApiPipeline(accounts, clock, options, () => server.BaseUrl);
        var control = new ControlRoutes(server);
        app.Run(http => http.Request.Path.StartsWithSegments("/_fake", StringComparison.Ordinal)
            ? control.HandleAsync(http)
            : pipeline.HandleAsync(http));

        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseUrl = address.TrimEnd('/');
        return server;
    }

    /// <summary>The account for a secret key (created on first use, as by a first API request).</summary>
    public FakeStripeAccount Account(string apiKey) => new(_accounts.Get(apiKey), Context());

    /// <summary>Every account that has been used.</summary>
    public IReadOnlyList<FakeStripeAccount> Accounts => _accounts.All.Select(a => new FakeStripeAccount(a, Context())).ToList();

    /// <summary>
    /// Moves the fake clock forward (simulating days passing) and settles every ACH debit whose
    /// settlement date has now passed, in every account. Returns how many settled or failed.
    /// </summary>
    public int AdvanceClock(TimeSpan by)
    {
        Clock.Advance(by);
        return _accounts.All.Sum(a => new FakeStripeAccount(a, Context()).SettleDueAch());
    }

    /// <summary>An HttpClient aimed at this server with the key as Bearer auth (what a Stripe client sends).</summary>
    public HttpClient CreateClient(string apiKey)
    {
        var client = new HttpClient { BaseAddress = new Uri(BaseUrl + "/") };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
        foreach (var account in _accounts.All)
        {
            account.Webhooks.Dispose();
        }

        _sender.Dispose();
        _stopping.Dispose();
    }

    private OperationContext Context() => new(Clock, _options.ApiVersion, BaseUrl, null, null);
}
