namespace OrchardPortal.Core.Theming;

/// <summary>
/// The platform's own globals: <c>site.*</c> (company name, currency, culture, time zone) and
/// <c>theme.*</c> (every theme setting, plus a readable text colour for each colour setting and
/// link colours that keep WCAG contrast on white panels and on the page background).
/// </summary>
public sealed class CoreThemeGlobalsProvider : IThemeGlobalsProvider
{
    public Task ContributeAsync(ThemeRenderContext context, CancellationToken cancellationToken)
    {
        var site = context.Section("site");
        site["company_name"] = context.Site.CompanyName;
        site["currency"] = context.Site.Currency;
        site["culture"] = context.Site.Culture.Name;
        site["language"] = context.Site.Culture.TwoLetterISOLanguageName;
        site["time_zone"] = context.Site.TimeZone.Id;

        var theme = context.Section("theme");
        theme["name"] = context.Theme.Name;
        foreach (var definition in context.Theme.Manifest.Settings)
        {
            var value = context.Settings.GetValueOrDefault(definition.Name) ?? "";
            theme[definition.Name] = value.Length == 0 ? null : value;
            if (definition.Type == ThemeSettingType.Color && ColorContrast.TryParse(value, out var color))
            {
                theme[definition.Name + "_text"] = ColorContrast.ReadableTextColor(color).ToHex();
            }
        }

        if (ColorContrast.TryParse(context.Settings.GetValueOrDefault("theme_color"), out var brand))
        {
            theme["link_color"] = ColorContrast.EnsureContrast(brand, RgbColor.White).ToHex();
            var background = ColorContrast.TryParse(context.Settings.GetValueOrDefault("background_color"), out var bg) ? bg : RgbColor.White;
            theme["link_on_background"] = ColorContrast.EnsureContrast(brand, background).ToHex();
        }

        // The Content module replaces this with the uploaded header image's URL.
        theme["header_image_url"] = null;
        return Task.CompletedTask;
    }
}
