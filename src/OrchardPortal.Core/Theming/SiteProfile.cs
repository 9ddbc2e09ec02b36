using System.Globalization;
using OrchardPortal.Core.Settings;
using OrchardPortal.Core.Tenancy;

namespace OrchardPortal.Core.Theming;

/// <summary>Who the tenant is and how it writes money and time: the part of the <c>Site</c> settings document themes use.</summary>
public sealed record SiteProfile(string CompanyName, CultureInfo Culture, TimeZoneInfo TimeZone, string Currency);

/// <summary>Reads the tenant's <see cref="SiteProfile"/>; unknown cultures or time zones fall back to en-US and UTC.</summary>
public sealed class SiteProfileService(SiteSettingsService settings, TenantScope scope)
{
    public const string SettingsName = "Site";

    public async Task<SiteProfile> GetAsync(CancellationToken cancellationToken)
    {
        var site = await settings.GetAsync<SiteDocument>(SettingsName, cancellationToken);
        var company = string.IsNullOrWhiteSpace(site.CompanyName) ? scope.Required.CompanyName : site.CompanyName.Trim();
        var currency = site.Currency is { Length: 3 } code ? code.ToUpperInvariant() : "USD";
        return new SiteProfile(company, CultureOf(site.Culture), TimeZoneOf(site.TimeZone), currency);
    }

    private static CultureInfo CultureOf(string? name)
    {
        try
        {
            return string.IsNullOrWhiteSpace(name) ? CultureInfo.GetCultureInfo("en-US") : CultureInfo.GetCultureInfo(name);
        }
        catch (CultureNotFoundException)
        {
            return CultureInfo.GetCultureInfo("en-US");
        }
    }

    private static TimeZoneInfo TimeZoneOf(string? id)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            return TimeZoneInfo.Utc;
        }

        return TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc;
    }

    private sealed class SiteDocument
    {
        public string? CompanyName { get; set; }

        public string? Culture { get; set; }

        public string? TimeZone { get; set; }

        public string? Currency { get; set; }
    }
}
