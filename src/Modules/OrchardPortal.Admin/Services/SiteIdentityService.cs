using OrchardPortal.Core.Settings;
using OrchardPortal.Core.Tenancy;

namespace OrchardPortal.Admin.Services;

/// <summary>Who the current tenant is, as its staff and customers see it (the <c>Site</c> settings document).</summary>
public sealed class SiteIdentityService(SiteSettingsService settings, TenantScope scope)
{
    public const string SettingsName = "Site";

    /// <summary>The company name staff set (seeded from signup), falling back to the registry's copy.</summary>
    public async Task<string> GetCompanyNameAsync(CancellationToken cancellationToken)
    {
        var site = await settings.GetAsync<SiteDocument>(SettingsName, cancellationToken);
        return string.IsNullOrWhiteSpace(site.CompanyName) ? scope.Required.CompanyName : site.CompanyName;
    }

    private sealed class SiteDocument
    {
        public string? CompanyName { get; set; }
    }
}
