using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OrchardPortal.Admin.Services;
using OrchardPortal.Core.Hosting;
using OrchardPortal.Staff.Services;

namespace OrchardPortal.Staff.Pages.Admin.Login;

/// <summary>Staff sign-in: one generic error for any wrong detail, lockout after repeated failures.</summary>
[SiteScope(Site.Tenant)]
[AllowAnonymous]
public sealed class LoginModel(StaffSignInService signIn) : PageModel
{
    [BindProperty]
    public LoginInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        // Someone already signed in (e.g. a bookmarked login page) goes straight on.
        var current = await HttpContext.AuthenticateAsync(StaffAuth.Scheme);
        return current.Succeeded ? LocalRedirect(SafeReturnUrl()) : Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var (result, user) = await signIn.CheckPasswordAsync(Input.Email, Input.Password, cancellationToken);
        switch (result)
        {
            case StaffSignInResult.Succeeded:
                await signIn.SignInAsync(HttpContext, user!, cancellationToken);
                return LocalRedirect(SafeReturnUrl());
            case StaffSignInResult.LockedOut:
                ModelState.AddModelError("", StaffLockout.LockedOutMessage);
                return Page();
            default:
                ModelState.AddModelError("", StaffLockout.FailedMessage);
                return Page();
        }
    }

    // Only a path on this site: an absolute or protocol-relative URL could send a fresh sign-in elsewhere.
    private string SafeReturnUrl() =>
        !string.IsNullOrEmpty(ReturnUrl) && Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : AdminPaths.Dashboard;

    public sealed class LoginInput
    {
        [Required(ErrorMessage = "Enter your email address.")]
        [Display(Name = "Email")]
        [MaxLength(254, ErrorMessage = "Enter a valid email address.")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Enter your password.")]
        [Display(Name = "Password")]
        [MaxLength(200, ErrorMessage = "Email or password is incorrect.")]
        public string Password { get; set; } = "";
    }
}
