namespace OrchardPortal.Core.Settings;

/// <summary>One named settings document of a tenant, stored as JSON (like Orchard's site settings).</summary>
public sealed class SiteSettingsDocument
{
    public required string Name { get; set; }

    public required string Json { get; set; }

    public DateTimeOffset UpdatedUtc { get; set; }
}
