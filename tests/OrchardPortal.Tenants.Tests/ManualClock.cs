namespace OrchardPortal.Tenants.Tests;

/// <summary>A clock tests move by hand (e.g. past a lockout).</summary>
internal sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
