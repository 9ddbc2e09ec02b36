using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OrchardPortal.Admin.Services;
using OrchardPortal.Core.Hosting;
using OrchardPortal.Portal.Models;
using OrchardPortal.Portal.Services;

namespace OrchardPortal.Portal.Pages.Admin.Portal;

/// <summary>Portal settings: which tabs customers get, payment and history switches, sign-in, where customer notes are emailed.</summary>
[SiteScope(Site.Tenant)]
public sealed class PortalSettingsModel(PortalSettingsService settings) : PageModel
{
    [BindProperty]
    public SettingsInput Input { get; set; } = new();

    public static IReadOnlyList<PortalTab> Tabs => PortalTabs.All;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var current = await settings.GetAsync(cancellationToken);
        Input = new SettingsInput
        {
            EnabledTabs = current.EnabledTabs,
            EnableAutoPay = current.EnableAutoPay,
            ShowChargesInHistory = current.ShowChargesInHistory,
            ShowPaymentsInHistory = current.ShowPaymentsInHistory,
            EnableLogins = current.EnableLogins,
            NotificationEmails = string.Join('\n', current.NotificationEmails),
        };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var value = new PortalSettings
        {
            EnabledTabs = Input.EnabledTabs,
            EnableAutoPay = Input.EnableAutoPay,
            ShowChargesInHistory = Input.ShowChargesInHistory,
            ShowPaymentsInHistory = Input.ShowPaymentsInHistory,
            EnableLogins = Input.EnableLogins,
            NotificationEmails = PortalSettingsService.SplitEmails(Input.NotificationEmails),
        };
        var errors = await settings.SaveAsync(value, cancellationToken);
        foreach (var (field, message) in errors)
        {
            ModelState.AddModelError("Input." + field, message);
        }

        if (errors.Count > 0)
        {
            return Page();
        }

        TempData.Flash("Portal settings saved. Your customers see the change right away.");
        return RedirectToPage();
    }

    public bool IsEnabled(PortalTab tab) => Input.EnabledTabs.Contains(tab.Key, StringComparer.Ordinal);

    /// <summary>Checkboxes post only when ticked, so every switch here starts false and binding turns on what was ticked.</summary>
    public sealed class SettingsInput
    {
        public List<string> EnabledTabs { get; set; } = [];

        public bool EnableAutoPay { get; set; }

        public bool ShowChargesInHistory { get; set; }

        public bool ShowPaymentsInHistory { get; set; }

        public bool EnableLogins { get; set; }

        [Display(Name = "Email service notes and requests to")]
        public string? NotificationEmails { get; set; }
    }
}
