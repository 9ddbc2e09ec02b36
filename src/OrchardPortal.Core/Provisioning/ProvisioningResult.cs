using OrchardPortal.Core.Tenancy;

namespace OrchardPortal.Core.Provisioning;

/// <summary>The outcome of a provisioning attempt: the new tenant, or messages keyed by form field.</summary>
public sealed class ProvisioningResult
{
    public TenantRecord? Tenant { get; init; }

    public string? OwnerLandingPath { get; init; }

    /// <summary>Field name (as in <see cref="ProvisioningRequest"/>) → message; "" for form-level errors.</summary>
    public IReadOnlyDictionary<string, string> Errors { get; init; } = new Dictionary<string, string>();

    public bool Succeeded => Tenant is not null && Errors.Count == 0;

    public static ProvisioningResult Failed(string field, string message) => new() { Errors = new Dictionary<string, string> { [field] = message } };
}
