using OrchardPortal.FakeStripe.Webhooks;

namespace OrchardPortal.FakeStripe.State;

/// <summary>
/// Everything one API key owns. One lock per account guards all of it, so accounts never
/// contend with each other and a request sees a consistent state; webhook delivery and
/// response writing happen outside the lock.
/// </summary>
public sealed class Account
{
    public Account(string apiKey, WebhookDispatcher webhooks)
    {
        ApiKey = apiKey;
        Webhooks = webhooks;
    }

    public Lock Gate { get; } = new();

    public string ApiKey { get; }

    public ObjectStore<CustomerRecord> Customers { get; } = new(c => c.Id);

    public ObjectStore<PaymentMethodRecord> PaymentMethods { get; } = new(p => p.Id);

    public ObjectStore<PaymentIntentRecord> PaymentIntents { get; } = new(p => p.Id);

    public ObjectStore<SetupIntentRecord> SetupIntents { get; } = new(s => s.Id);

    public ObjectStore<ChargeRecord> Charges { get; } = new(c => c.Id);

    public ObjectStore<RefundRecord> Refunds { get; } = new(r => r.Id);

    public ObjectStore<EventRecord> Events { get; } = new(e => e.Id);

    public ObjectStore<WebhookEndpointRecord> WebhookEndpoints { get; } = new(w => w.Id);

    public Dictionary<string, IdempotencyEntry> IdempotencyEntries { get; } = new(StringComparer.Ordinal);

    /// <summary>How many requests carried each idempotency key (replays and conflicts included).</summary>
    public Dictionary<string, int> IdempotencyKeyUses { get; } = new(StringComparer.Ordinal);

    public List<RequestRecord> RequestLog { get; } = [];

    public Queue<InjectedFault> Faults { get; } = new();

    public WebhookDispatcher Webhooks { get; }

    /// <summary>Extra time a POST spends "executing" outside the lock (widens races in tests).</summary>
    public TimeSpan ProcessingDelay { get; set; }
}

/// <summary>A saved idempotent result, or a request with that key still running.</summary>
public sealed class IdempotencyEntry
{
    public required string Endpoint { get; init; }

    public required string Parameters { get; init; }

    public required DateTimeOffset Created { get; init; }

    public required string RequestId { get; init; }

    public bool InFlight { get; set; } = true;

    public int Status { get; set; }

    public byte[] Body { get; set; } = [];
}

/// <summary>One API request as the fake saw it.</summary>
public sealed record RequestRecord(
    DateTimeOffset At,
    string Method,
    string Path,
    string? StripeVersion,
    string? IdempotencyKey,
    int Status,
    bool Replayed);

/// <summary>How an injected failure behaves (see <c>FakeStripeAccount.FailNextRequests</c>).</summary>
public enum FaultKind
{
    /// <summary>500 before anything happens, as when Stripe's edge fails; nothing is saved.</summary>
    ServerErrorBeforeExecution,

    /// <summary>The request takes effect, then answers 500; the 500 is saved under its idempotency key, as Stripe does.</summary>
    ServerErrorAfterExecution,

    /// <summary>No answer and no effect: the client times out.</summary>
    HangBeforeExecution,

    /// <summary>
    /// The request takes effect (and its real result is saved under its idempotency key) but the
    /// answer never arrives: a charge that succeeded while the caller crashed or timed out.
    /// </summary>
    HangAfterExecution,
}

public sealed record InjectedFault(FaultKind Kind, string? PathPrefix);
