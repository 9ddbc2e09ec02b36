namespace OrchardPortal.Billing.Tests.Infrastructure;

/// <summary>
/// Today in a new tenant's time zone (the default recipe's America/New_York), the date Billing itself uses for
/// "today". The UTC date differs from it for several hours each evening (New York time), and tests that used it
/// then failed.
/// </summary>
internal static class TenantDate
{
    public static DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("America/New_York")).DateTime);
}
