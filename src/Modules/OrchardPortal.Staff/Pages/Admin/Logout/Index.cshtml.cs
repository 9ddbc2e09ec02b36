using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OrchardPortal.Admin.Services;
using OrchardPortal.Core.Hosting;
using OrchardPortal.Staff.Services;

namespace OrchardPortal.Staff.Pages.Admin.Logout;

/// <summary>
/// Signing out is a POST (with antiforgery) so a link or image elsewhere can't sign staff out; the GET
/// shows a button, for someone who typed the address.
/// </summary>
[SiteScope(Site.Tenant)]
[AllowAnonymous]
public sealed class LogoutModel : PageModel
{
    public async Task<IActionResult> OnPostAsync()
    {
        await HttpContext.SignOutAsync(StaffAuth.Scheme);
        TempData.Flash("You have signed out.");
        return Redirect(AdminPaths.Login);
    }
}
