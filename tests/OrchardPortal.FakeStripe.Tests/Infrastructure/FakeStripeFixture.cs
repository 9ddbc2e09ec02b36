namespace OrchardPortal.FakeStripe.Tests.Infrastructure;

/// <summary>
/// One fake Stripe server per test class. Tests stay independent by each using its own
/// secret key, i.e. its own account.
/// </summary>
public sealed class FakeStripeFixture : IAsyncLifetime
{
    private FakeStripeServer? _server;

    public FakeStripeServer Server => _server ?? throw new InvalidOperationException("The fixture has not started.");

    public async Task InitializeAsync() => _server = await FakeStripeServer.StartAsync(new FakeStripeOptions
    {
        WebhookRetryDelays = [TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(200)],
    });

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    /// <summary>A client for a brand-new account.</summary>
    public StripeTestClient NewAccount() => new(Server, "sk_test_" + Guid.NewGuid().ToString("N"));
}
