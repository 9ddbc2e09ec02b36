using OrchardPortal.Admin.Dashboard;
using OrchardPortal.Core.Theming;

namespace OrchardPortal.Portal.Services;

/// <summary>Ticks "Brand your portal" on the dashboard once staff have picked colours of their own.</summary>
public sealed class BrandingProgress(ThemeSettingsService themes) : IGettingStartedProgress
{
    public string StepId => GettingStartedSteps.Brand.Id;

    public async Task<GettingStartedStatus> GetStatusAsync(CancellationToken cancellationToken)
    {
        var theme = await themes.GetActiveThemeAsync(cancellationToken);
        var saved = await themes.GetAsync(cancellationToken);
        var branded = theme.Manifest.Settings
            .Where(s => s.Type == ThemeSettingType.Color)
            .Any(s => saved.Values.TryGetValue(s.Name, out var value) && ColorContrast.Normalize(value) != ColorContrast.Normalize(s.Default));
        return new GettingStartedStatus(branded, PortalAdminPaths.Theme);
    }
}
