using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using OrchardPortal.FakeStripe;
using OrchardPortal.Payments.Gateways.Stripe;

namespace OrchardPortal.Payments.Tests.Infrastructure;

/// <summary>One fake Stripe server per test class; each test uses its own secret key, so its own account.</summary>
public sealed class FakeStripeFixture : IAsyncLifetime
{
    private FakeStripeServer? _server;

    public FakeStripeServer Server => _server ?? throw new InvalidOperationException("Not started.");

    public async Task InitializeAsync() => _server = await FakeStripeServer.StartAsync();

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    /// <summary>A fresh test-mode key: a fresh, empty account on the fake.</summary>
    public static string NewKey() => "sk_test_" + Guid.NewGuid().ToString("N");

    /// <summary>Our client aimed at the fake, with short backoffs so retry tests stay quick.</summary>
    public StripeClient Client() =>
        new(new HttpClient(), Options.Create(new StripeOptions
        {
            BaseUrl = new Uri(Server.BaseUrl + "/"),
            RetryBaseDelay = TimeSpan.FromMilliseconds(5),
            MaxRetryDelay = TimeSpan.FromMilliseconds(20),
            // A hung request (the fake's lost-response fault) gives up quickly and is retried.
            RequestTimeout = TimeSpan.FromSeconds(2),
        }), TimeProvider.System, NullLogger<StripeClient>.Instance);

    public StripeGateway Gateway(string key) => new(Client(), key);
}
