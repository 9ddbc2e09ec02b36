using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OrchardPortal.Admin.Services;
using OrchardPortal.Core.Hosting;
using OrchardPortal.Core.Theming;
using OrchardPortal.Portal.Services;

namespace OrchardPortal.Portal.Pages.Admin.Portal.Templates;

/// <summary>
/// Edits one template: the tenant's version beside the theme's original. Saving checks the template
/// (syntax errors with line and column, sandbox limits, a trial render) and keeps nothing that fails.
/// </summary>
[SiteScope(Site.Tenant)]
public sealed class EditTemplateModel(TemplateOverrideService overrides) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string View { get; set; } = "";

    [BindProperty]
    public string Source { get; set; } = "";

    public TemplateDetails Template { get; private set; } = null!;

    public TemplateError? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        Source = Template.Custom ?? Template.Original;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        var result = await overrides.SaveAsync(View, Source ?? "", User.FindFirstValue(ClaimTypes.Email) ?? User.Identity?.Name ?? "", cancellationToken);
        if (!result.Succeeded)
        {
            Error = result.Errors[0];
            ModelState.AddModelError(nameof(Source), Error.ToString());
            return Page();
        }

        TempData.Flash($"Saved. Your portal now uses your version of {View}.");
        return Redirect(PortalAdminPaths.EditTemplate + "?view=" + Uri.EscapeDataString(View));
    }

    public async Task<IActionResult> OnPostResetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        var removed = await overrides.ResetAsync(View, cancellationToken);
        TempData.Flash(removed ? $"{View} is back to the theme’s version." : $"{View} already uses the theme’s version.");
        return Redirect(PortalAdminPaths.EditTemplate + "?view=" + Uri.EscapeDataString(View));
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var template = await overrides.GetAsync(View ?? "", cancellationToken);
        if (template is null)
        {
            return false;
        }

        Template = template;
        return true;
    }
}
