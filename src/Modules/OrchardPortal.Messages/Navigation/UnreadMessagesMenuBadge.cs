using OrchardPortal.Core.Navigation;
using OrchardPortal.Messages.Services;

namespace OrchardPortal.Messages.Navigation;

/// <summary>The number beside Messages in the admin menu: customers' messages nobody in the office has read yet.</summary>
public sealed class UnreadMessagesMenuBadge(UnreadMessages unread) : IAdminMenuBadge
{
    public string Path => MessagePaths.Admin;

    public string Description => "unread messages from customers";

    public Task<int> CountAsync(CancellationToken cancellationToken) => unread.ForStaffAsync(cancellationToken);
}
