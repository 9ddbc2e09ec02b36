using OrchardPortal.Core.Navigation;
using OrchardPortal.Visits.Services;

namespace OrchardPortal.Visits.ChangeRequests;

/// <summary>The number of reschedule/skip requests waiting for staff, next to "Visit requests" in the admin menu.</summary>
public sealed class PendingVisitRequestsBadge(VisitChangeService changes) : IAdminMenuBadge
{
    public string Path => VisitPaths.AdminRequests;

    public string Description => "visit requests waiting";

    public Task<int> CountAsync(CancellationToken cancellationToken) => changes.PendingCountAsync(cancellationToken);
}
