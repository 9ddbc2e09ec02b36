using System.Globalization;
using OrchardPortal.Core.Theming;

namespace OrchardPortal.Billing.Services;

/// <summary>
/// The tenant's money settings and calendar for one request: its currency, its culture for showing
/// amounts, and today's date where the company is (an invoice issued at 11pm in Chicago is dated that day).
/// </summary>
public sealed class BillingContext(SiteProfileService profiles, TimeProvider clock)
{
    private SiteProfile? _profile;

    public async Task<SiteProfile> ProfileAsync(CancellationToken cancellationToken) =>
        _profile ??= await profiles.GetAsync(cancellationToken);

    public async Task<string> CurrencyAsync(CancellationToken cancellationToken) => (await ProfileAsync(cancellationToken)).Currency;

    public async Task<CultureInfo> CultureAsync(CancellationToken cancellationToken) => (await ProfileAsync(cancellationToken)).Culture;

    public async Task<DateOnly> TodayAsync(CancellationToken cancellationToken)
    {
        var zone = (await ProfileAsync(cancellationToken)).TimeZone;
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), zone).DateTime);
    }

    public async Task<Func<long, string>> FormatterAsync(CancellationToken cancellationToken)
    {
        var profile = await ProfileAsync(cancellationToken);
        return minor => MoneyFormatter.Format(minor, profile.Currency, profile.Culture);
    }
}
