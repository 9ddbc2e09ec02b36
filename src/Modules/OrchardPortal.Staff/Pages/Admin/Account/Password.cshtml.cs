using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OrchardPortal.Admin.Services;
using OrchardPortal.Core.Hosting;
using OrchardPortal.Staff.Services;

namespace OrchardPortal.Staff.Pages.Admin.Account;

/// <summary>A staff member changes their own password; their other sessions end, this one continues.</summary>
[SiteScope(Site.Tenant)]
public sealed class ChangePasswordModel(StaffAccountService accounts, SiteIdentityService site) : PageModel
{
    [BindProperty]
    public PasswordInput Input { get; set; } = new();

    /// <summary>Words the strength meter treats as guessable, as the server's rule does.</summary>
    public string PersonalWords { get; private set; } = "";

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var company = await LoadAsync(cancellationToken);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var (user, field, error) = await accounts.ChangePasswordAsync(
            StaffAuth.UserId(User)!.Value, Input.CurrentPassword, Input.NewPassword, company, cancellationToken);
        if (user is null)
        {
            ModelState.AddModelError(string.IsNullOrEmpty(field) ? "" : "Input." + field, error!);
            return Page();
        }

        // The stamp changed, so this browser's cookie is now as dead as every other; issue a fresh one.
        await HttpContext.SignInAsync(StaffAuth.Scheme, StaffAuth.CreatePrincipal(HttpContext, user));
        TempData.Flash("Your password has been changed.");
        return Redirect(AdminPaths.Dashboard);
    }

    private async Task<string> LoadAsync(CancellationToken cancellationToken)
    {
        var company = await site.GetCompanyNameAsync(cancellationToken);
        PersonalWords = string.Join(' ', User.Identity?.Name, User.FindFirst(System.Security.Claims.ClaimTypes.Email)?.Value, company);
        return company;
    }

    public sealed class PasswordInput
    {
        [Required(ErrorMessage = "Enter your current password.")]
        [Display(Name = "Current password")]
        public string CurrentPassword { get; set; } = "";

        [Required(ErrorMessage = "Choose a new password.")]
        [Display(Name = "New password")]
        public string NewPassword { get; set; } = "";

        [Required(ErrorMessage = "Type the new password again.")]
        [Compare(nameof(NewPassword), ErrorMessage = "The two new passwords don't match.")]
        [Display(Name = "Confirm new password")]
        public string ConfirmPassword { get; set; } = "";
    }
}
