using OrchardPortal.Core.Email;
using OrchardPortal.Core.Navigation;

namespace OrchardPortal.Emails.Delivery;

/// <summary>The number of emails the outbox gave up on, next to "Emails" in the admin menu.</summary>
public sealed class FailedEmailsMenuBadge(IEmailDeliveryStatus status) : IAdminMenuBadge
{
    public string Path => EmailPaths.List;

    public string Description => "emails not delivered";

    public Task<int> CountAsync(CancellationToken cancellationToken) => status.CountFailedAsync(cancellationToken);
}
