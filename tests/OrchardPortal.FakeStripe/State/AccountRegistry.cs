using System.Collections.Concurrent;
using OrchardPortal.FakeStripe.Webhooks;

namespace OrchardPortal.FakeStripe.State;

/// <summary>Accounts by secret key; the first request with a new sk_test_ key creates its account.</summary>
public sealed class AccountRegistry
{
    private readonly ConcurrentDictionary<string, Lazy<Account>> _accounts = new(StringComparer.Ordinal);
    private readonly WebhookSender _sender;
    private readonly IReadOnlyList<TimeSpan> _retryDelays;
    private readonly CancellationToken _stopping;

    public AccountRegistry(WebhookSender sender, IReadOnlyList<TimeSpan> retryDelays, CancellationToken stopping)
    {
        _sender = sender;
        _retryDelays = retryDelays;
        _stopping = stopping;
    }

    public IEnumerable<Account> All => _accounts.Values.Where(a => a.IsValueCreated).Select(a => a.Value);

    // Lazy: GetOrAdd may run a factory twice under a race, and each account starts a delivery loop.
    public Account Get(string apiKey) =>
        _accounts.GetOrAdd(apiKey, key => new Lazy<Account>(() => new Account(key, new WebhookDispatcher(_sender, _retryDelays, _stopping)))).Value;
}
