namespace OrchardPortal.Core.Data;

/// <summary>Bound from the <c>Storage</c> configuration section.</summary>
public sealed class StorageOptions
{
    /// <summary><c>Sqlite</c> (default) or <c>Postgres</c>.</summary>
    public string Provider { get; set; } = "Sqlite";

    /// <summary>Folder for SQLite files, tenant media and keys; relative paths are under the content root.</summary>
    public string AppDataPath { get; set; } = "App_Data";

    /// <summary>PostgreSQL connection string of the default server (host registry and default tenant placement).</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Further PostgreSQL servers tenants can be placed on, by key.</summary>
    public Dictionary<string, string> Servers { get; set; } = [];

    /// <summary>How many tenants' SQLite connection pools stay open at once; older ones are closed.</summary>
    public int MaxOpenSqliteTenants { get; set; } = 256;

    public bool IsPostgres => string.Equals(Provider, "Postgres", StringComparison.OrdinalIgnoreCase)
        || string.Equals(Provider, "PostgreSQL", StringComparison.OrdinalIgnoreCase);
}
