using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OrchardPortal.Customers.Models;
using OrchardPortal.Portal.Models;
using OrchardPortal.PortalUsers.Models;

namespace OrchardPortal.PortalUsers.Pages.Admin.PortalUsers;

/// <summary>
/// What adding and editing a portal user share: the customer it belongs to, the bound form (email, name,
/// tabs, can pay) and the service's messages put on the right fields. Home is always open, so it is not
/// offered; ticking every other tab stores "all tabs", which also covers tabs switched on later.
/// </summary>
public abstract class PortalUserFormPage : PageModel
{
    [BindProperty]
    public PortalUserInput Input { get; set; } = new();

    public Customer Customer { get; protected set; } = null!;

    /// <summary>The tabs a user can be given or refused (every tab but Home).</summary>
    public static IReadOnlyList<PortalTab> Tabs { get; } = [.. PortalTabs.All.Where(t => t != PortalTabs.Home)];

    /// <summary>Tab keys the tenant has switched on, to mark the others in the form.</summary>
    public IReadOnlySet<string> EnabledTabs { get; protected set; } = new HashSet<string>();

    public string? Error(string field) =>
        ModelState.TryGetValue("Input." + field, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;

    protected PortalUserPermissions Permissions()
    {
        var chosen = Input.Tabs.Where(k => Tabs.Any(t => t.Key == k)).ToHashSet(StringComparer.Ordinal);
        return new PortalUserPermissions(chosen.Count == Tabs.Count ? null : chosen, Input.CanPay);
    }

    protected void Fill(PortalUser user)
    {
        Input.Email = user.Email;
        Input.Name = user.Name;
        Input.CanPay = user.CanPay;
        Input.Tabs = user.Permissions.Tabs is null ? [.. Tabs.Select(t => t.Key)] : [.. user.Permissions.Tabs];
    }

    protected void AddErrors(IReadOnlyDictionary<string, string> errors)
    {
        foreach (var (field, message) in errors)
        {
            ModelState.AddModelError(field.Length == 0 ? "" : "Input." + field, message);
        }
    }
}

/// <summary>The portal-user form.</summary>
public sealed class PortalUserInput
{
    [Required(ErrorMessage = "Enter their email address.")]
    [StringLength(254, ErrorMessage = "Enter a valid email address, like name@example.com.")]
    [Display(Name = "Email")]
    public string Email { get; set; } = "";

    [Required(ErrorMessage = "Enter their name.")]
    [StringLength(100, ErrorMessage = "Use at most 100 characters.")]
    [Display(Name = "Name")]
    public string Name { get; set; } = "";

    /// <summary>Keys of the tabs ticked.</summary>
    public List<string> Tabs { get; set; } = [.. PortalUserFormPage.Tabs.Select(t => t.Key)];

    [Display(Name = "Can pay bills")]
    public bool CanPay { get; set; } = true;

    /// <summary>New users only: email the registration link at once.</summary>
    public bool SendInvitation { get; set; } = true;
}
