using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OrchardPortal.Admin.Services;
using OrchardPortal.Core.Hosting;
using OrchardPortal.Core.Security;
using OrchardPortal.Staff.Services;

namespace OrchardPortal.Staff.Pages.Admin.Invitation;

/// <summary>The page an invitation email links to: choose a name and password, then land signed in.</summary>
[SiteScope(Site.Tenant)]
[AllowAnonymous]
public sealed class AcceptInvitationModel(
    StaffInvitationService invitations, StaffAccountService accounts, StaffSignInService signIn, SiteIdentityService site) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    [BindProperty]
    public AcceptInput Input { get; set; } = new();

    public InvitationStatus Status { get; private set; }

    public string Email { get; private set; } = "";

    public string PersonalWords { get; private set; } = "";

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var company = await LoadAsync(cancellationToken);
        if (Status == InvitationStatus.Valid && string.IsNullOrEmpty(Input.Name))
        {
            Input.Name = (await invitations.FindAsync(Token, cancellationToken)).User!.Name;
        }

        PersonalWords = string.Join(' ', Email, Input.Name, company);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var company = await LoadAsync(cancellationToken);
        PersonalWords = string.Join(' ', Email, Input.Name, company);
        if (Status != InvitationStatus.Valid || !ModelState.IsValid)
        {
            return Page();
        }

        if (PasswordPolicy.Validate(Input.Password, Email, Input.Name, company) is { } problem)
        {
            ModelState.AddModelError("Input.Password", problem);
            return Page();
        }

        var user = await invitations.AcceptAsync(Token!, Input.Name, accounts.HashPassword(Input.Password), cancellationToken);
        if (user is null)
        {
            // Spent, replaced or expired between showing the form and submitting it.
            Status = (await invitations.FindAsync(Token, cancellationToken)).Status;
            if (Status == InvitationStatus.Valid)
            {
                Status = InvitationStatus.Used;
            }

            return Page();
        }

        await signIn.SignInAsync(HttpContext, user, cancellationToken);
        TempData.Flash($"Welcome, {user.Name}! Your account is ready.");
        return Redirect(AdminPaths.Dashboard);
    }

    private async Task<string> LoadAsync(CancellationToken cancellationToken)
    {
        var (status, user) = await invitations.FindAsync(Token, cancellationToken);
        Status = status;
        Email = user?.Email ?? "";
        return await site.GetCompanyNameAsync(cancellationToken);
    }

    public sealed class AcceptInput
    {
        [Required(ErrorMessage = "Enter your name.")]
        [StringLength(100, ErrorMessage = "Use at most 100 characters.")]
        [RegularExpression(@"^[^\p{C}]*$", ErrorMessage = "Use letters, spaces and punctuation only.")]
        [Display(Name = "Your name")]
        public string Name { get; set; } = "";

        [Required(ErrorMessage = "Choose a password.")]
        [Display(Name = "Password")]
        public string Password { get; set; } = "";

        [Required(ErrorMessage = "Type the password again.")]
        [Compare(nameof(Password), ErrorMessage = "The two passwords don't match.")]
        [Display(Name = "Confirm password")]
        public string ConfirmPassword { get; set; } = "";
    }
}
