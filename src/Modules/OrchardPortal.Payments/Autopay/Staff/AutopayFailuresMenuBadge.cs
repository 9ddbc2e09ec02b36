using OrchardPortal.Core.Navigation;
using OrchardPortal.Payments.Autopay.CustomerPortal;
using OrchardPortal.Payments.Autopay.History;

namespace OrchardPortal.Payments.Autopay.Staff;

/// <summary>Autopay charges that failed and that staff have not dismissed, next to "Autopay" in the admin menu.</summary>
internal sealed class AutopayFailuresMenuBadge(AutopayHistory history) : IAdminMenuBadge
{
    public string Path => AutopayPaths.Admin;

    public string Description => "autopay charges need attention";

    public Task<int> CountAsync(CancellationToken cancellationToken) => history.CountNeedingAttentionAsync(cancellationToken);
}
