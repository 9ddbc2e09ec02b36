using OrchardPortal.Core.Navigation;

namespace OrchardPortal.ServiceRequests.Services;

/// <summary>The number of new (not yet handled) requests next to "Service requests" in the admin menu.</summary>
public sealed class NewRequestsBadge(ServiceRequestService requests) : IAdminMenuBadge
{
    public string Path => ServiceRequestPaths.Inbox;

    public string Description => "new service requests";

    public Task<int> CountAsync(CancellationToken cancellationToken) => requests.CountNewAsync(cancellationToken);
}
