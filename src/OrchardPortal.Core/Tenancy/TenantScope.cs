namespace OrchardPortal.Core.Tenancy;

/// <summary>
/// The tenant the current DI scope works for: set once per request by the resolution middleware,
/// or by <see cref="TenantScopeFactory"/> for background work and provisioning.
/// </summary>
public sealed class TenantScope
{
    private TenantRecord? _tenant;

    /// <summary>The current tenant; null on the host site.</summary>
    public TenantRecord? Tenant => _tenant;

    public bool IsHost => _tenant is null;

    /// <summary>The current tenant, or an exception when code meant for a tenant runs on the host.</summary>
    public TenantRecord Required => _tenant ?? throw new InvalidOperationException("This operation needs a tenant, and the current scope is the host site.");

    public void Enter(TenantRecord tenant)
    {
        if (_tenant is not null && _tenant.Name != tenant.Name)
        {
            throw new InvalidOperationException("A scope belongs to one tenant for its whole life.");
        }

        _tenant = tenant;
    }
}
