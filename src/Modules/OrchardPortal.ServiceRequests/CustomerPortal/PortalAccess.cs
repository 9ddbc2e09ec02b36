using Microsoft.AspNetCore.Http;
using OrchardPortal.Core.Theming;
using OrchardPortal.Portal.CustomerPages;
using OrchardPortal.Portal.Models;
using OrchardPortal.Portal.Services;

namespace OrchardPortal.ServiceRequests.CustomerPortal;

/// <summary>
/// The portal's one rule, applied to this module's URLs beside its tabs: the tab must be on for the tenant,
/// visible to the customer and permitted to the user, or the URL does not exist (themed 404); a visitor
/// is asked to sign in; a customer denied the portal gets the 403 page. The customer is always the
/// signed-in one, never an id from the form or URL.
/// </summary>
public sealed class PortalAccess(ICurrentPortalCustomer current, IPortalAccessPolicy policy, PortalPages portal, IThemeRenderer renderer)
{
    public async Task<(PortalCustomer? Customer, IResult? Refusal)> CheckAsync(PortalTab tab, string returnPath, CancellationToken cancellationToken)
    {
        var customer = await current.GetAsync(cancellationToken);
        switch (await policy.CheckTabForAsync(customer, tab.Key, cancellationToken))
        {
            case PortalAccessDecision.TabDisabled or PortalAccessDecision.TabHidden or PortalAccessDecision.NotPermitted:
                return (null, await portal.NotFoundAsync(cancellationToken));
            case PortalAccessDecision.PortalDenied:
                return (null, await renderer.RenderPageAsync("AccessDenied", new Dictionary<string, object?>(),
                    new ThemePageOptions { Title = "Portal unavailable", StatusCode = StatusCodes.Status403Forbidden }, cancellationToken));
        }

        return customer is null
            ? (null, Results.Redirect(PortalGlobalsProvider.SignInPath + "?returnUrl=" + Uri.EscapeDataString(returnPath)))
            : (customer, null);
    }

    public Task<IResult> NotFoundAsync(CancellationToken cancellationToken) => portal.NotFoundAsync(cancellationToken);

    /// <summary>The name the office sees for whoever sent something.</summary>
    public static string Who(PortalCustomer customer) => customer.UserName ?? customer.UserEmail ?? customer.Name;
}
