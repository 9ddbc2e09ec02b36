namespace OrchardPortal.Liquid.Benchmarks.GoldenFixtures;

/// <summary>A clock stopped at one instant, for templates that print <c>"now"</c>.</summary>
public sealed class FixedTimeProvider(DateTimeOffset utcNow) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => utcNow;
}
