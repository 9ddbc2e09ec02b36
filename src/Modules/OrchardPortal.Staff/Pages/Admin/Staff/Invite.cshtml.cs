using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OrchardPortal.Admin.Services;
using OrchardPortal.Core.Hosting;
using OrchardPortal.Core.Security;
using OrchardPortal.Staff.Models;
using OrchardPortal.Staff.Services;

namespace OrchardPortal.Staff.Pages.Admin.Staff;

/// <summary>An owner invites someone by name, email and role; the invitation email goes out with the new account.</summary>
[SiteScope(Site.Tenant)]
[Authorize(Policy = StaffAuth.OwnerPolicy)]
public sealed class InviteModel(StaffInvitationService invitations) : PageModel
{
    [BindProperty]
    public InviteInput Input { get; set; } = new();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!Enum.IsDefined(Input.Role))
        {
            ModelState.AddModelError("Input.Role", "Choose Staff or Owner.");
        }

        if (ModelState.IsValid && EmailAddress.Normalize(Input.Email) is null)
        {
            ModelState.AddModelError("Input.Email", "Enter a valid email address, like name@company.com.");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var error = await invitations.InviteAsync(
            new StaffInvite(Input.Email, Input.Name, Input.Role), User.Identity?.Name ?? "", $"{Request.Scheme}://{Request.Host}", cancellationToken);
        if (error is not null)
        {
            ModelState.AddModelError("Input.Email", error);
            return Page();
        }

        TempData.Flash($"Invitation sent to {EmailAddress.Normalize(Input.Email)}.");
        return RedirectToPage("/Admin/Staff/Index");
    }

    public sealed class InviteInput
    {
        [Required(ErrorMessage = "Enter their name.")]
        [StringLength(100, ErrorMessage = "Use at most 100 characters.")]
        [RegularExpression(@"^[^\p{C}]*$", ErrorMessage = "Use letters, spaces and punctuation only.")]
        [Display(Name = "Name")]
        public string Name { get; set; } = "";

        [Required(ErrorMessage = "Enter their email address.")]
        [StringLength(254, ErrorMessage = "Enter a valid email address, like name@company.com.")]
        [Display(Name = "Email")]
        public string Email { get; set; } = "";

        [Display(Name = "Role")]
        public StaffRole Role { get; set; } = StaffRole.Staff;
    }
}
