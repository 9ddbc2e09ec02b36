namespace OrchardPortal.Core.Tenancy;

/// <summary>A tenant's row in the host registry.</summary>
public sealed class TenantRecord
{
    /// <summary>The subdomain, also the tenant's storage name. Lower-case, validated by <see cref="TenantNameRules"/>.</summary>
    public required string Name { get; set; }

    public required string CompanyName { get; set; }

    /// <summary>Extra host names (custom domains), space-separated, lower-case.</summary>
    public string HostNames { get; set; } = "";

    public TenantState State { get; set; }

    /// <summary>Which database server holds the tenant's storage (a key under <c>Storage:Servers</c>; empty = the default).</summary>
    public string Placement { get; set; } = "";

    public string RecipeName { get; set; } = "";

    public string OwnerEmail { get; set; } = "";

    public DateTimeOffset CreatedUtc { get; set; }

    public DateTimeOffset UpdatedUtc { get; set; }
}

public enum TenantState
{
    Provisioning = 0,
    Running = 1,
    Disabled = 2,
}
