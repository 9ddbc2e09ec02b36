namespace OrchardPortal.Web.Testing;

/// <summary>
/// Dates as a new tenant sees them: in the default recipe's time zone (America/New_York), the zone Billing and
/// autopay use for "today". The UTC date differs from it for several hours each evening (New York time), and
/// tests that used the UTC date failed then.
/// </summary>
public static class TenantDate
{
    private static readonly TimeZoneInfo DefaultZone = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    /// <summary>Today, now.</summary>
    public static DateOnly Today => On(DateTimeOffset.UtcNow);

    /// <summary>The tenant's date at <paramref name="instant"/> (e.g. a test clock's now).</summary>
    public static DateOnly On(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, DefaultZone).DateTime);
}
