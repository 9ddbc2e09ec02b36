using System.Globalization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OrchardPortal.Core.Data;
using OrchardPortal.Customers.Services;
using OrchardPortal.Portal.Models;
using OrchardPortal.Portal.Services;
using OrchardPortal.PortalUsers.Models;

namespace OrchardPortal.PortalUsers.Services;

/// <summary>
/// Checks every portal cookie against the account it names (Core's wrapper already checked the tenant):
/// logins must still be on for the tenant, the user still Active with the same security stamp, and their
/// customer still active. A password change, a disable or a removal therefore ends every other session
/// at its next request.
/// The checked visitor is kept on the request for <see cref="CookiePortalCustomer"/>.
/// </summary>
internal static class PortalPrincipalValidator
{
    public static readonly object ItemKey = new();

    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var principal = context.Principal;
        var id = principal is null ? null : PortalAuth.UserId(principal);
        var stamp = principal?.FindFirst(PortalAuth.StampClaim)?.Value;
        if (id is null || stamp is null)
        {
            await RejectAsync(context);
            return;
        }

        var services = context.HttpContext.RequestServices;
        var cancellationToken = context.HttpContext.RequestAborted;
        // Switching customer logins off signs everybody out, not only new sign-ins (settings are cached per tenant).
        if (!(await services.GetRequiredService<PortalSettingsService>().GetAsync(cancellationToken)).EnableLogins)
        {
            await RejectAsync(context);
            return;
        }

        var user = await services.GetRequiredService<TenantDbContext>().Set<PortalUser>().AsNoTracking()
            .FirstOrDefaultAsync(u => u.Id == id.Value, cancellationToken);
        var customer = user is null ? null : await services.GetRequiredService<CustomerService>().GetAsync(user.CustomerId, cancellationToken);
        if (user is null || user.Status != PortalUserStatus.Active || user.SecurityStamp != stamp || customer is null || !customer.IsActive)
        {
            await RejectAsync(context);
            return;
        }

        context.HttpContext.Items[ItemKey] = new PortalCustomer(customer.Id.ToString(CultureInfo.InvariantCulture), customer.DisplayName)
        {
            CustomerId = customer.Id,
            UserId = user.Id,
            UserName = user.Name,
            UserEmail = user.Email,
            AllowedTabs = PortalUserPermissions.ParseTabs(user.AllowedTabs),
            CanPay = user.CanPay,
        };
    }

    private static async Task RejectAsync(CookieValidatePrincipalContext context)
    {
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(PortalAuth.Scheme);
    }
}
