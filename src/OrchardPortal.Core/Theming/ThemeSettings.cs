using Microsoft.EntityFrameworkCore;
using OrchardPortal.Core.Data;
using OrchardPortal.Core.Settings;
using OrchardPortal.Core.Tenancy;

namespace OrchardPortal.Core.Theming;

/// <summary>The tenant's <c>Theme</c> settings document: the active theme and its setting values.</summary>
public sealed class ThemeSettings
{
    public const string SettingsName = "Theme";

    /// <summary>The active theme's name; null = the configured default.</summary>
    public string? Theme { get; set; }

    /// <summary>Values of the settings the theme declares (e.g. <c>theme_color</c>), by setting name.</summary>
    public Dictionary<string, string> Values { get; set; } = new(StringComparer.Ordinal);
}

/// <summary>
/// Reads and saves a tenant's theme settings, validated against what the theme declares, and keeps
/// the tenant's cached theme state in step with them.
/// </summary>
public sealed class ThemeSettingsService(
    SiteSettingsService settings, ThemeCatalog catalog, ThemeEngine engine, TenantScope scope, TenantDbContext db)
{
    public async Task<ThemeSettings> GetAsync(CancellationToken cancellationToken) =>
        await settings.GetAsync<ThemeSettings>(ThemeSettings.SettingsName, cancellationToken);

    /// <summary>The tenant's theme, falling back to the default when the saved one is no longer installed.</summary>
    public async Task<ThemeDescriptor> GetActiveThemeAsync(CancellationToken cancellationToken) =>
        catalog.Find((await GetAsync(cancellationToken)).Theme) ?? catalog.Default;

    /// <summary>Problems with <paramref name="values"/> for <paramref name="theme"/>, keyed by setting name; empty when valid.</summary>
    public static Dictionary<string, string> Validate(ThemeDescriptor theme, IReadOnlyDictionary<string, string> values)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in values)
        {
            var definition = theme.Manifest.FindSetting(name);
            if (definition is null)
            {
                errors[name] = $"The theme '{theme.Name}' has no setting '{name}'.";
            }
            else if (definition.Type == ThemeSettingType.Color && !ColorContrast.TryParse(value, out _))
            {
                errors[name] = $"Enter {definition.Label.ToLowerInvariant()} as a hex colour such as #1f6f43 or #fa0.";
            }
            else if (value.Length > 20_000)
            {
                errors[name] = $"{definition.Label} is too long.";
            }
        }

        return errors;
    }

    /// <summary>Saves the values given (merged into the saved ones). Returns problems keyed by setting name, and saves nothing when there are any.</summary>
    public async Task<IReadOnlyDictionary<string, string>> SaveValuesAsync(IReadOnlyDictionary<string, string> values, CancellationToken cancellationToken, string? themeName = null)
    {
        var current = await GetAsync(cancellationToken);
        var theme = themeName is null ? catalog.Find(current.Theme) ?? catalog.Default : catalog.Find(themeName);
        if (theme is null)
        {
            return new Dictionary<string, string> { ["theme"] = $"There is no theme named '{themeName}'." };
        }

        var errors = Validate(theme, values);
        if (errors.Count > 0)
        {
            return errors;
        }

        current.Theme = theme.Name;
        foreach (var (name, value) in values)
        {
            var definition = theme.Manifest.FindSetting(name)!;
            current.Values[name] = definition.Type == ThemeSettingType.Color ? ColorContrast.Normalize(value)! : value;
        }

        await settings.SaveAsync(ThemeSettings.SettingsName, current, cancellationToken);
        engine.Invalidate(scope.Required.Name);
        return errors;
    }

    /// <summary>Every setting of the theme with the tenant's value, or the theme's default, then <paramref name="overrides"/> (unsaved preview values).</summary>
    public static Dictionary<string, string> Effective(ThemeDescriptor theme, ThemeSettings saved, IReadOnlyDictionary<string, string>? overrides = null)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var definition in theme.Manifest.Settings)
        {
            var value = overrides?.GetValueOrDefault(definition.Name) ?? saved.Values.GetValueOrDefault(definition.Name) ?? definition.Default ?? "";
            if (definition.Type == ThemeSettingType.Color)
            {
                value = ColorContrast.Normalize(value) ?? ColorContrast.Normalize(definition.Default) ?? "#000000";
            }

            values[definition.Name] = value;
        }

        return values;
    }

    /// <summary>The tenant's cached theme state, loaded on first use after a change.</summary>
    internal async Task<TenantThemeState> GetStateAsync(CancellationToken cancellationToken)
    {
        var tenant = scope.Required.Name;
        if (engine.TryGetTenant(tenant, out var cached))
        {
            return cached;
        }

        var generation = engine.Generation(tenant);
        var saved = await GetAsync(cancellationToken);
        var theme = catalog.Find(saved.Theme) ?? catalog.Default;
        var rows = await db.Set<TemplateOverride>().AsNoTracking().Where(o => o.Theme == theme.Name).ToListAsync(cancellationToken);
        var overrides = rows.Where(r => theme.HasView(r.View))
            .ToDictionary(r => r.View, r => new CompiledOverride(engine.Environment, tenant, r), StringComparer.Ordinal);
        var state = new TenantThemeState(theme, Effective(theme, saved), overrides);
        engine.Store(tenant, state, generation);
        return state;
    }
}
