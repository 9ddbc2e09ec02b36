using System.Collections.Concurrent;

namespace OrchardPortal.Staff.Services;

/// <summary>
/// Counts failed sign-ins for addresses that have no account, so that after the same number of
/// failures they get the same lockout message as a real account: the login page must not reveal
/// which emails exist. Process memory only — it is an enumeration guard, not an account state —
/// and bounded, so a flood of made-up addresses cannot grow it without limit.
/// </summary>
public sealed class UnknownEmailThrottle(TimeProvider clock)
{
    private const int MaxEntries = 20_000;

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    public bool IsLockedOut(string tenant, string email)
    {
        var now = clock.GetUtcNow();
        return _entries.TryGetValue(Key(tenant, email), out var entry) && entry.LockoutEndUtc > now;
    }

    /// <summary>Records a failure; returns true when this failure starts a lockout.</summary>
    public bool RecordFailure(string tenant, string email)
    {
        var now = clock.GetUtcNow();
        if (_entries.Count >= MaxEntries)
        {
            Prune(now);
        }

        var updated = _entries.AddOrUpdate(
            Key(tenant, email),
            _ => new Entry(1, null, now),
            (_, old) =>
            {
                var failures = old.LockoutEndUtc is { } end && end <= now ? 1 : old.Failures + 1;
                return failures >= StaffLockout.MaxFailedAttempts
                    ? new Entry(0, now + StaffLockout.Duration, now)
                    : new Entry(failures, old.LockoutEndUtc > now ? old.LockoutEndUtc : null, now);
            });
        return updated.Failures == 0 && updated.LockoutEndUtc > now;
    }

    private void Prune(DateTimeOffset now)
    {
        foreach (var (key, entry) in _entries)
        {
            if (entry.LastSeenUtc < now - StaffLockout.Duration || _entries.Count >= MaxEntries)
            {
                _entries.TryRemove(key, out _);
            }
        }
    }

    private static string Key(string tenant, string email) => tenant + "\n" + email;

    private sealed record Entry(int Failures, DateTimeOffset? LockoutEndUtc, DateTimeOffset LastSeenUtc);
}
