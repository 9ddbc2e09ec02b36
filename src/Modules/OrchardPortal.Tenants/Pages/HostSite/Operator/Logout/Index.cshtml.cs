using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OrchardPortal.Core.Hosting;
using OrchardPortal.Tenants.Operators;

namespace OrchardPortal.Tenants.Pages.HostSite.Operator.Logout;

/// <summary>Signs the operator out. POST only (with antiforgery), so a link or image can't sign anyone out.</summary>
/// <remarks>
/// Requires the operator policy so the operator is the current user while the antiforgery token (which is
/// bound to the signed-in user) is checked; there is no default scheme that would authenticate them otherwise.
/// </remarks>
[SiteScope(Site.Host)]
[Authorize(Policy = OperatorAuthentication.Policy)]
public sealed class LogoutModel : PageModel
{
    public IActionResult OnGet() => Redirect("/operator/tenants");

    public async Task<IActionResult> OnPostAsync()
    {
        await HttpContext.SignOutAsync(OperatorAuthentication.Scheme);
        return Redirect(OperatorAuthentication.LoginPath);
    }
}
