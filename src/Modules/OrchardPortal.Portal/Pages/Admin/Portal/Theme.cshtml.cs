using System.ComponentModel.DataAnnotations;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OrchardPortal.Admin.Services;
using OrchardPortal.Core.Hosting;
using OrchardPortal.Core.Settings;
using OrchardPortal.Core.Theming;

namespace OrchardPortal.Portal.Pages.Admin.Portal;

/// <summary>The portal's look: company name, theme colour and background colour, with a live readable-text preview.</summary>
[SiteScope(Site.Tenant)]
public sealed class ThemeSettingsModel(ThemeSettingsService themes, SiteProfileService profiles, SiteSettingsService siteSettings) : PageModel
{
    public const string ThemeColorSetting = "theme_color";
    public const string BackgroundColorSetting = "background_color";

    [BindProperty]
    public ThemeInput Input { get; set; } = new();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var theme = await themes.GetActiveThemeAsync(cancellationToken);
        var values = ThemeSettingsService.Effective(theme, await themes.GetAsync(cancellationToken));
        Input = new ThemeInput
        {
            CompanyName = (await profiles.GetAsync(cancellationToken)).CompanyName,
            ThemeColor = values.GetValueOrDefault(ThemeColorSetting, "#2f6b3a"),
            BackgroundColor = values.GetValueOrDefault(BackgroundColorSetting, "#ffffff"),
        };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        CheckColor(nameof(ThemeInput.ThemeColor), Input.ThemeColor, "theme colour");
        CheckColor(nameof(ThemeInput.BackgroundColor), Input.BackgroundColor, "background colour");
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var errors = await themes.SaveValuesAsync(
            new Dictionary<string, string> { [ThemeColorSetting] = Input.ThemeColor!, [BackgroundColorSetting] = Input.BackgroundColor! },
            cancellationToken);
        if (errors.Count > 0)
        {
            ModelState.AddModelError("", string.Join(" ", errors.Values));
            return Page();
        }

        await SaveCompanyNameAsync(Input.CompanyName!.Trim(), cancellationToken);
        TempData.Flash("Saved. Your portal now shows your new colours and name.");
        return RedirectToPage();
    }

    /// <summary>The text colour the portal will use on <paramref name="hex"/> (for the preview), or null for an invalid colour.</summary>
    public static string? TextOn(string? hex) =>
        ColorContrast.TryParse(hex, out var color) ? ColorContrast.ReadableTextColor(color).ToHex() : null;

    private void CheckColor(string field, string? value, string name)
    {
        if (!ColorContrast.TryParse(value, out _))
        {
            ModelState.AddModelError("Input." + field, $"Enter the {name} as a hex colour such as #2f6b3a or #fa0.");
        }
    }

    /// <summary>The company name lives in the shared <c>Site</c> document; other fields there (time zone, currency) are kept as they are.</summary>
    private async Task SaveCompanyNameAsync(string name, CancellationToken cancellationToken)
    {
        var json = await siteSettings.GetJsonAsync(SiteProfileService.SettingsName, cancellationToken);
        var document = (json is null ? null : JsonNode.Parse(json) as JsonObject) ?? [];
        if (document["companyName"]?.GetValue<string>() == name)
        {
            return;
        }

        document["companyName"] = name;
        await siteSettings.SaveJsonAsync(SiteProfileService.SettingsName, document.ToJsonString(), cancellationToken);
    }

    public sealed class ThemeInput
    {
        [Required(ErrorMessage = "Enter your company name as customers should see it.")]
        [StringLength(100, ErrorMessage = "Keep the company name to 100 characters or fewer.")]
        [Display(Name = "Company name")]
        public string? CompanyName { get; set; }

        [Display(Name = "Theme colour")]
        public string? ThemeColor { get; set; }

        [Display(Name = "Background colour")]
        public string? BackgroundColor { get; set; }
    }
}
