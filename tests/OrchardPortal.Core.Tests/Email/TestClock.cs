namespace OrchardPortal.Core.Tests.Email;

/// <summary>
/// Real time plus an offset the test can move forward. Timers stay real, so the dispatcher keeps
/// polling at its configured pace while the "now" it sees jumps ahead.
/// </summary>
internal sealed class TestClock : TimeProvider
{
    private long _offsetTicks;

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow().AddTicks(Interlocked.Read(ref _offsetTicks));

    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);
}
