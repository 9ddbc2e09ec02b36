using OrchardPortal.Core.Tenancy;

namespace OrchardPortal.Core.Provisioning;

/// <summary>What setup handlers receive, and where they leave what the caller needs afterwards.</summary>
public sealed class TenantSetupContext(TenantRecord tenant, ProvisioningRequest request, IServiceProvider services)
{
    public TenantRecord Tenant { get; } = tenant;

    public ProvisioningRequest Request { get; } = request;

    /// <summary>The tenant-bound scope's services.</summary>
    public IServiceProvider Services { get; } = services;

    /// <summary>A tenant-relative URL that signs the owner in and lands them in the admin (set by the Staff module).</summary>
    public string? OwnerLandingPath { get; set; }
}
