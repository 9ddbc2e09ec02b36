using Microsoft.AspNetCore.Mvc.RazorPages;
using OrchardPortal.Core.Hosting;
using OrchardPortal.Core.Theming;

namespace OrchardPortal.Portal.Pages.Admin.Portal.Templates;

/// <summary>The active theme's templates, which of them the tenant customised, and any that are failing.</summary>
[SiteScope(Site.Tenant)]
public sealed class TemplateListModel(TemplateOverrideService overrides, ThemeSettingsService themes) : PageModel
{
    public string ThemeName { get; private set; } = "";

    public IReadOnlyList<TemplateSummary> Templates { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        ThemeName = (await themes.GetActiveThemeAsync(cancellationToken)).Name;
        Templates = await overrides.ListAsync(cancellationToken);
    }
}
