using OrchardPortal.Core.Tenancy;

namespace OrchardPortal.Core.Email;

/// <summary>
/// Mail a previous process committed but never delivered (it crashed, or stopped first) is found when
/// the tenant is next activated. Only a signal here: the dispatcher reads the outbox in the background,
/// so the first request to the tenant does not wait on it.
/// </summary>
internal sealed class OutboxActivationHandler(OutboxSchedule schedule) : ITenantActivationHandler
{
    public Task ActivatedAsync(TenantRecord tenant, CancellationToken cancellationToken)
    {
        schedule.Signal(tenant.Name);
        return Task.CompletedTask;
    }
}
