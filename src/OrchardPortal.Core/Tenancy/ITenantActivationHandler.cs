namespace OrchardPortal.Core.Tenancy;

/// <summary>
/// A module's part in a tenant's first use by this process: runs once per tenant and process, after its
/// schema is up to date, inside a DI scope bound to the tenant. Register as scoped. Keep it cheap: the
/// first request to the tenant waits for it (hand real work to a background service).
/// </summary>
public interface ITenantActivationHandler
{
    Task ActivatedAsync(TenantRecord tenant, CancellationToken cancellationToken);
}
