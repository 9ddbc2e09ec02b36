namespace OrchardPortal.Payments.Tests.Autopay.Infrastructure;

/// <summary>Real time plus an offset the test moves forward, so invoices come due and retry intervals pass.</summary>
public sealed class ManualClock : TimeProvider
{
    private long _offsetTicks;

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);

    /// <summary>
    /// Today's date on this clock in a new tenant's time zone (the default recipe's America/New_York), the date
    /// the autopay job compares due dates with. Taking the UTC date instead made the tests fail for some hours
    /// of the day, once earlier tests had moved the clock by part of a day.
    /// </summary>
    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("America/New_York")).DateTime);
}
