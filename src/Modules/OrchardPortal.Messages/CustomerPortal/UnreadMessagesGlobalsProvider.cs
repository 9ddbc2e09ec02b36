using OrchardPortal.Core.Theming;
using OrchardPortal.Messages.Services;
using OrchardPortal.Portal.Models;
using OrchardPortal.Portal.Services;

namespace OrchardPortal.Messages.CustomerPortal;

/// <summary>
/// Adds <c>portal.unread_messages</c> to every portal page: how many messages from the office the signed-in
/// customer has not read (0 for visitors, previews, emails, or when they cannot open Messages), which the
/// layout shows beside the Messages tab; and <c>portal.new_message_url</c>, the "message us" form's address
/// when this customer may use it (nil otherwise), which other views add <c>?about=invoice:12</c> to.
/// </summary>
public sealed class UnreadMessagesGlobalsProvider(ICurrentPortalCustomer current, IPortalAccessPolicy policy, UnreadMessages unread) : IThemeGlobalsProvider
{
    public async Task ContributeAsync(ThemeRenderContext context, CancellationToken cancellationToken)
    {
        var portal = context.Section("portal");
        portal["unread_messages"] = 0;
        portal["new_message_url"] = null;
        if (context.Kind != ThemeRenderKind.Page || context.IsPreview || context.HttpContext is null
            || await current.GetAsync(cancellationToken) is not { } customer
            || await policy.CheckTabForAsync(customer, PortalTabs.Messages.Key, cancellationToken) != PortalAccessDecision.Allowed)
        {
            return;
        }

        portal["unread_messages"] = await unread.ForCustomerAsync(customer.CustomerId, cancellationToken);
        portal["new_message_url"] = MessagePaths.PortalNew;
    }
}
