namespace OrchardPortal.FakeStripe.State;

/// <summary>
/// The fake's notion of "now" for object timestamps, ACH settlement dates and idempotency key
/// expiry: real time plus an offset a test can move forward (simulating days passing).
/// Webhook signatures use real time instead (see <see cref="FakeStripeOptions.SignatureTime"/>),
/// because the application checks them against its own clock.
/// </summary>
public sealed class StripeClock
{
    private readonly TimeProvider _time;
    private long _offsetTicks;

    public StripeClock(TimeProvider time)
    {
        _time = time;
    }

    public DateTimeOffset UtcNow => _time.GetUtcNow().AddTicks(Interlocked.Read(ref _offsetTicks));

    public long UnixNow => UtcNow.ToUnixTimeSeconds();

    public void Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        Interlocked.Add(ref _offsetTicks, by.Ticks);
    }
}
