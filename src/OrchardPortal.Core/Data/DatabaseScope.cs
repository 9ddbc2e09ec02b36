namespace OrchardPortal.Core.Data;

/// <summary>Which database a model contribution or migration belongs to.</summary>
public enum DatabaseScope
{
    /// <summary>The host database: tenant registry, operators.</summary>
    Host,

    /// <summary>Each tenant's own storage namespace.</summary>
    Tenant,
}
