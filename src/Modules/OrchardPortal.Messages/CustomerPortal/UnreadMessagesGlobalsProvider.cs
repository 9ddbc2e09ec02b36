using OrchardPortal.Core.Theming;
using OrchardPortal.Messages.Services;
using OrchardPortal.Portal.Models;
using OrchardPortal.Portal.Services;

namespace OrchardPortal.Messages.CustomerPortal;

/// <summary>
/// Adds <c>portal.unread_messages</c> to every portal page: how many messages from the office the signed-in
/// customer has not read (0 for visitors, previews, emails, or when they cannot open Messages). The
/// layout shows it beside the Messages tab.
/// </summary>
public sealed class UnreadMessagesGlobalsProvider(ICurrentPortalCustomer current, IPortalAccessPolicy policy, MessageService messages) : IThemeGlobalsProvider
{
    public async Task ContributeAsync(ThemeRenderContext context, CancellationToken cancellationToken)
    {
        var portal = context.Section("portal");
        portal["unread_messages"] = 0;
        if (context.Kind != ThemeRenderKind.Page || context.IsPreview || context.HttpContext is null
            || await current.GetAsync(cancellationToken) is not { } customer
            || await policy.CheckTabForAsync(customer, PortalTabs.Messages.Key, cancellationToken) != PortalAccessDecision.Allowed)
        {
            return;
        }

        portal["unread_messages"] = await messages.UnreadForCustomerAsync(customer.CustomerId, cancellationToken);
    }
}
