namespace OrchardPortal.PortalUsers.Tests.Infrastructure;

/// <summary>Real time plus an offset the test moves forward, so links and lockouts can be made to expire.</summary>
public sealed class ManualClock : TimeProvider
{
    private long _offsetTicks;

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);
}
