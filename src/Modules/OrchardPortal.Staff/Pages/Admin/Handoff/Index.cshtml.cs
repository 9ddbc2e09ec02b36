using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OrchardPortal.Admin.Services;
using OrchardPortal.Core.Hosting;
using OrchardPortal.Staff.Services;

namespace OrchardPortal.Staff.Pages.Admin.Handoff;

/// <summary>
/// Redeems the one-time link signup redirects to: the new owner arrives signed in on their admin.
/// A GET because it is the target of a redirect; it only ever works once, within minutes.
/// </summary>
[SiteScope(Site.Tenant)]
[AllowAnonymous]
public sealed class HandoffModel(StaffHandoffService handoffs, StaffSignInService signIn) : PageModel
{
    public const string ExpiredMessage = "That sign-in link has expired or was already used. Please sign in with your email and password.";

    public async Task<IActionResult> OnGetAsync(string? token, CancellationToken cancellationToken)
    {
        var user = await handoffs.RedeemAsync(token, cancellationToken);
        if (user is null)
        {
            TempData.Flash(ExpiredMessage);
            return Redirect(AdminPaths.Login);
        }

        await signIn.SignInAsync(HttpContext, user, cancellationToken);
        return Redirect(AdminPaths.Dashboard);
    }
}
