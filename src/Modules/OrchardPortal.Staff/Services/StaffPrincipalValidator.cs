using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OrchardPortal.Core.Data;
using OrchardPortal.Staff.Models;

namespace OrchardPortal.Staff.Services;

/// <summary>
/// Checks every staff cookie against the account it names, on every request: a cookie outlives a
/// password change, a disable or a removal by at most the request that was already running. The
/// tenant check (the cookie belongs to this site at all) already ran in Core's wrapper.
/// </summary>
internal static class StaffPrincipalValidator
{
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var principal = context.Principal;
        var id = principal is null ? null : StaffAuth.UserId(principal);
        var stamp = principal?.FindFirst(StaffAuth.StampClaim)?.Value;
        if (id is null || stamp is null)
        {
            await RejectAsync(context);
            return;
        }

        var db = context.HttpContext.RequestServices.GetRequiredService<TenantDbContext>();
        var user = await db.Set<StaffUser>().AsNoTracking()
            .FirstOrDefaultAsync(u => u.Id == id.Value, context.HttpContext.RequestAborted);
        if (user is null || user.Disabled || user.PasswordHash is null || user.SecurityStamp != stamp)
        {
            await RejectAsync(context);
            return;
        }

        // Keep the name and role shown in the admin current when they change under a live session.
        if (user.Name != principal!.Identity?.Name || !principal.IsInRole(user.Role.ToString()))
        {
            context.ReplacePrincipal(StaffAuth.CreatePrincipal(context.HttpContext, user));
            context.ShouldRenew = true;
        }
    }

    private static async Task RejectAsync(CookieValidatePrincipalContext context)
    {
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(StaffAuth.Scheme);
    }
}
