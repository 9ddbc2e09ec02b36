using OrchardPortal.Web.Testing;

namespace OrchardPortal.Payments.Tests.Autopay.Infrastructure;

/// <summary>Real time plus an offset the test moves forward, so invoices come due and retry intervals pass.</summary>
public sealed class ManualClock : TimeProvider
{
    private long _offsetTicks;

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);

    /// <summary>Today's date on this clock in a new tenant's time zone, the date the autopay job compares due dates with.</summary>
    public DateOnly Today => TenantDate.On(GetUtcNow());
}
