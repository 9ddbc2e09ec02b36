using System.Collections.Concurrent;
using System.Threading.Channels;

namespace OrchardPortal.Core.Email;

/// <summary>
/// Which tenants have outbox work and when it is due, in this process. Only tenants that committed
/// mail, were activated, or are waiting for a retry are here, so the dispatcher never sweeps every
/// tenant database. Process-local: after a restart, the host's <see cref="OutboxMarks"/> (and each
/// tenant's activation) put tenants back.
/// </summary>
public sealed class OutboxSchedule
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _due = new(StringComparer.Ordinal);
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    /// <summary>Tenants currently waiting (for diagnostics and tests).</summary>
    public int Count => _due.Count;

    /// <summary>Asks for the tenant's outbox to be looked at as soon as possible.</summary>
    public void Signal(string tenantName) => ScheduleAt(tenantName, DateTimeOffset.MinValue);

    /// <summary>Asks for the tenant's outbox to be looked at no later than <paramref name="due"/>.</summary>
    public void ScheduleAt(string tenantName, DateTimeOffset due)
    {
        _due.AddOrUpdate(tenantName, due, (_, existing) => existing < due ? existing : due);
        _wake.Writer.TryWrite(true);
    }

    /// <summary>Removes and returns the tenants due at <paramref name="now"/>.</summary>
    public IReadOnlyList<string> TakeDue(DateTimeOffset now)
    {
        var taken = new List<string>();
        foreach (var pair in _due)
        {
            // Removing only the exact entry seen keeps a signal that arrives meanwhile.
            if (pair.Value <= now && _due.TryRemove(pair))
            {
                taken.Add(pair.Key);
            }
        }

        return taken;
    }

    /// <summary>Waits until something is scheduled or <paramref name="timeout"/> passes on <paramref name="clock"/>.</summary>
    public async Task WaitAsync(TimeSpan timeout, TimeProvider clock, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var delay = Task.Delay(timeout, clock, stop.Token);
        var signal = _wake.Reader.WaitToReadAsync(stop.Token).AsTask();
        await Task.WhenAny(delay, signal);
        await stop.CancelAsync();
        _wake.Reader.TryRead(out _);
    }
}
