using System.Text;
using OrchardPortal.FakeStripe.Api;
using OrchardPortal.FakeStripe.State;
using OrchardPortal.FakeStripe.Webhooks;

namespace OrchardPortal.FakeStripe.Control;

/// <summary>
/// A test's handle on one account: read what clients did (payment intents, charges, events,
/// requests, idempotency key use) and steer what happens next (faults, ACH settlement,
/// 3-D Secure completion, webhook switches).
/// </summary>
public sealed class FakeStripeAccount
{
    private readonly Account _account;
    private readonly OperationContext _context;

    internal FakeStripeAccount(Account account, OperationContext context)
    {
        _account = account;
        _context = context;
    }

    public string ApiKey => _account.ApiKey;

    /// <summary>Webhook switches (Copies, Reorder, Delay, Hold, Drop, MaxConcurrency), attempts and waiting.</summary>
    public WebhookDispatcher Webhooks => _account.Webhooks;

    /// <summary>Extra time each keyed POST spends running outside the lock, to make idempotency races certain in tests.</summary>
    public TimeSpan ProcessingDelay
    {
        get => _account.ProcessingDelay;
        set => _account.ProcessingDelay = value;
    }

    public IReadOnlyList<PaymentIntentView> PaymentIntents() => Read(a => a.PaymentIntents.InCreationOrder.Select(p => new PaymentIntentView(
        p.Id, p.Status, p.Amount, p.Currency, p.AmountReceived, p.CustomerId, p.PaymentMethodId, p.LatestChargeId,
        new Dictionary<string, string>(p.Metadata), p.Created)).ToList());

    public IReadOnlyList<ChargeView> Charges() => Read(a => a.Charges.InCreationOrder.Select(c => new ChargeView(
        c.Id, c.PaymentIntentId, c.Status, c.Amount, c.Currency, c.AmountRefunded, c.CustomerId, c.PaymentMethodId, c.FailureCode,
        new Dictionary<string, string>(c.Metadata))).ToList());

    /// <summary>Charges that moved money (card charges and settled ACH debits).</summary>
    public int SuccessfulChargeCount => Read(a => a.Charges.InCreationOrder.Count(c => c.Status == "succeeded"));

    public IReadOnlyList<EventView> Events() => Read(a => a.Events.InCreationOrder.Select(e =>
        new EventView(e.Id, e.Type, e.ObjectId, e.Created, Encoding.UTF8.GetString(e.Json))).ToList());

    public IReadOnlyList<RequestRecord> Requests() => Read(a => a.RequestLog.ToList());

    /// <summary>How many requests carried each idempotency key (the first, replays, conflicts and refused reuses).</summary>
    public IReadOnlyDictionary<string, int> IdempotencyKeyUses() => Read(a => new Dictionary<string, int>(a.IdempotencyKeyUses));

    /// <summary>
    /// Makes the next <paramref name="count"/> API requests (those whose path starts with
    /// <paramref name="pathPrefix"/>, e.g. "/v1/payment_intents") fail as <paramref name="kind"/> says.
    /// </summary>
    public void FailNextRequests(int count, FaultKind kind = FaultKind.ServerErrorBeforeExecution, string? pathPrefix = null)
    {
        lock (_account.Gate)
        {
            for (var i = 0; i < count; i++)
            {
                _account.Faults.Enqueue(new InjectedFault(kind, pathPrefix));
            }
        }
    }

    /// <summary>Settles every pending ACH debit now, whatever its date (the failing test accounts fail). Returns how many.</summary>
    public int SettlePendingAch() => SettleWhere(_ => true, null);

    /// <summary>Makes every pending ACH debit bounce with this failure code (e.g. insufficient_funds, account_closed).</summary>
    public int FailPendingAch(string failureCode = "insufficient_funds") => SettleWhere(_ => true, failureCode);

    /// <summary>Settles pending ACH debits whose settlement date has passed on the fake clock.</summary>
    public int SettleDueAch() => SettleWhere(c => c.SettlesAt <= _context.Clock.UtcNow, null);

    /// <summary>
    /// The customer completes (or fails) the 3-D Secure challenge of a PaymentIntent or
    /// SetupIntent in <c>requires_action</c>, as Stripe.js would after the browser step.
    /// </summary>
    public void CompleteAuthentication(string intentId, bool succeed = true)
    {
        lock (_account.Gate)
        {
            if (intentId.StartsWith("seti_", StringComparison.Ordinal))
            {
                SetupIntentFlow.CompleteAction(_account, _context, SetupIntentsApi.Find(_account, intentId), succeed);
            }
            else
            {
                PaymentIntentFlow.CompleteAction(_account, _context, PaymentIntentsApi.Find(_account, intentId), succeed);
            }
        }
    }

    /// <summary>Registers a webhook endpoint directly (as the Dashboard would); returns its id and whsec_ secret.</summary>
    public (string Id, string Secret) AddWebhookEndpoint(string url, params string[] enabledEvents)
    {
        lock (_account.Gate)
        {
            var endpoint = WebhookEndpointsApi.Register(_account, _context, url, enabledEvents.Length == 0 ? ["*"] : enabledEvents);
            return (endpoint.Id, endpoint.Secret);
        }
    }

    /// <summary>Sends an existing event again, now, to every endpoint that wants its type (freshly signed).</summary>
    public async Task<IReadOnlyList<WebhookAttempt>> SendEventAsync(string eventId)
    {
        List<WebhookDelivery> deliveries;
        lock (_account.Gate)
        {
            if (!_account.Events.TryGet(eventId, out var record))
            {
                throw new KeyNotFoundException($"No event {eventId} in this account.");
            }

            deliveries = _account.WebhookEndpoints.InCreationOrder.Where(e => e.Wants(record.Type))
                .Select(e => new WebhookDelivery(record, e.Id, e.Url, e.Secret)).ToList();
        }

        var attempts = new List<WebhookAttempt>();
        foreach (var delivery in deliveries)
        {
            attempts.Add(await _account.Webhooks.SendNowAsync(delivery));
        }

        return attempts;
    }

    /// <summary>Waits until every queued webhook delivery (and retry) is done; held ones excepted.</summary>
    public Task WaitForWebhooksAsync(TimeSpan? timeout = null) => _account.Webhooks.WaitForIdleAsync(timeout ?? TimeSpan.FromSeconds(30));

    private int SettleWhere(Func<ChargeRecord, bool> due, string? failureCode)
    {
        lock (_account.Gate)
        {
            var pending = _account.Charges.InCreationOrder.Where(c => c.Status == "pending" && due(c)).ToList();
            foreach (var charge in pending)
            {
                PaymentIntentFlow.Settle(_account, _context, charge, failureCode);
            }

            return pending.Count;
        }
    }

    private T Read<T>(Func<Account, T> read)
    {
        lock (_account.Gate)
        {
            return read(_account);
        }
    }
}
