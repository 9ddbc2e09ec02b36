using System.Threading.Channels;

namespace OrchardPortal.FakeStripe.Webhooks;

/// <summary>
/// Delivers one account's events to its endpoints, in the order they happened unless a test
/// flips a switch: duplicates, reordering within a window, delays, holding until released,
/// dropping. Failed deliveries (non-2xx or no answer) are retried after
/// <see cref="FakeStripeOptions.WebhookRetryDelays"/>, like Stripe's (much slower) schedule.
/// </summary>
public sealed partial class WebhookDispatcher : IDisposable
{
    private readonly Channel<WebhookDelivery> _queue = Channel.CreateUnbounded<WebhookDelivery>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Lock _gate = new();
    private readonly List<WebhookDelivery> _held = [];
    private readonly List<WebhookDelivery> _window = [];
    private readonly List<WebhookAttempt> _attempts = [];
    private readonly WebhookSender _sender;
    private readonly IReadOnlyList<TimeSpan> _retryDelays;
    private readonly CancellationToken _stopping;
    private readonly Task _loop;
    private SemaphoreSlim _slots = new(1);
    private Random _shuffle = new(1);
    private int _pending;
    private int _maxConcurrency = 1;

    public WebhookDispatcher(WebhookSender sender, IReadOnlyList<TimeSpan> retryDelays, CancellationToken stopping)
    {
        _sender = sender;
        _retryDelays = retryDelays;
        _stopping = stopping;
        _loop = Task.Run(RunAsync, CancellationToken.None);
    }

    /// <summary>Deliver every event this many times (Stripe may deliver an event more than once).</summary>
    public int Copies { get; set; } = 1;

    /// <summary>Collect this many deliveries and send them out of order (0 or 1: in order).</summary>
    public int ReorderWindow { get; private set; }

    public ReorderMode ReorderMode { get; private set; }

    /// <summary>A partly filled reorder window is sent after this long without new events.</summary>
    public TimeSpan ReorderFlushAfter { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Wait this long before each delivery.</summary>
    public TimeSpan Delay { get; set; }

    /// <summary>Keep deliveries until <see cref="ReleaseHeldAsync"/>.</summary>
    public bool Hold { get; set; }

    /// <summary>Throw deliveries away (the endpoint never hears of the event).</summary>
    public bool Drop { get; set; }

    /// <summary>How many deliveries may be in flight at once; 1 (the default) keeps them in order.</summary>
    public int MaxConcurrency
    {
        get => _maxConcurrency;
        set
        {
            _maxConcurrency = Math.Max(1, value);
            _slots = new SemaphoreSlim(_maxConcurrency);
        }
    }

    public IReadOnlyList<WebhookAttempt> Attempts
    {
        get
        {
            lock (_gate)
            {
                return _attempts.ToList();
            }
        }
    }

    public int HeldCount
    {
        get
        {
            lock (_gate)
            {
                return _held.Count;
            }
        }
    }

    public void Reorder(int window, ReorderMode mode = ReorderMode.Reverse, int seed = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(window);
        ReorderWindow = window;
        ReorderMode = mode;
        _shuffle = new Random(seed);
    }

    /// <summary>Turns every switch off; held deliveries stay held until released.</summary>
    public void Reset()
    {
        Copies = 1;
        ReorderWindow = 0;
        Delay = TimeSpan.Zero;
        Hold = false;
        Drop = false;
        MaxConcurrency = 1;
    }

    public void Enqueue(WebhookDelivery delivery)
    {
        Interlocked.Increment(ref _pending);
        _queue.Writer.TryWrite(delivery);
    }

    /// <summary>Sends what was held (through the other switches, e.g. reordering) and stops holding.</summary>
    public Task ReleaseHeldAsync()
    {
        List<WebhookDelivery> held;
        lock (_gate)
        {
            Hold = false;
            held = _held.ToList();
            _held.Clear();
        }

        foreach (var delivery in held)
        {
            Enqueue(delivery);
        }

        return Task.CompletedTask;
    }

    /// <summary>Waits until nothing is queued, waiting in a window, in flight or waiting for a retry (held deliveries do not count).</summary>
    public async Task WaitForIdleAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (Volatile.Read(ref _pending) > 0)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{Volatile.Read(ref _pending)} webhook deliveries still pending after {timeout}.");
            }

            await Task.Delay(10, _stopping);
        }
    }

    /// <summary>Sends one event to one endpoint now, bypassing the switches, without retries.</summary>
    public async Task<WebhookAttempt> SendNowAsync(WebhookDelivery delivery)
    {
        var attempt = await _sender.SendAsync(delivery, 1, _stopping);
        Record(attempt);
        return attempt;
    }

    public Task Completion => _loop;

    public void Dispose() => _slots.Dispose();
}
