namespace OrchardPortal.Core.Provisioning;

/// <summary>Everything needed to create a tenant: what the signup form or the operator API collected.</summary>
public sealed record ProvisioningRequest
{
    public string CompanyName { get; init; } = "";

    public string Subdomain { get; init; } = "";

    public string OwnerName { get; init; } = "";

    public string OwnerEmail { get; init; } = "";

    public string OwnerPassword { get; init; } = "";

    public string RecipeName { get; init; } = "default";

    /// <summary>Signup may only use recipes marked selectable; the operator API may use any.</summary>
    public bool RequireSelectableRecipe { get; init; } = true;

    /// <summary>Optional PostgreSQL server key to place the tenant on.</summary>
    public string Placement { get; init; } = "";
}
