using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using OrchardPortal.Core.Tenancy;

namespace OrchardPortal.Core.Data;

/// <summary>
/// Shared base of the host and tenant contexts: the model is the union of the module contributions
/// for one <see cref="DatabaseScope"/>. Entities are reached through <c>Set&lt;T&gt;()</c>.
/// </summary>
public abstract class PortalDbContext(DbContextOptions options, IEnumerable<IModelContributor> contributors)
    : DbContext(options)
{
    protected abstract DatabaseScope Scope { get; }

    /// <summary>The PostgreSQL schema this context works in (ignored by SQLite, whose namespace is the file).</summary>
    public abstract string SearchPath { get; }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        foreach (var contributor in contributors.Where(c => c.Scope == Scope))
        {
            contributor.Configure(modelBuilder);
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite cannot order or compare DateTimeOffset values stored as text; storing UTC ticks keeps
        // ordering and range queries in SQL. PostgreSQL has a native timestamptz.
        if (Database.IsSqlite())
        {
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        }
    }
}

/// <summary>The host database: the tenant registry and host-level accounts.</summary>
public sealed class HostDbContext(DbContextOptions<HostDbContext> options, IEnumerable<IModelContributor> contributors)
    : PortalDbContext(options, contributors)
{
    protected override DatabaseScope Scope => DatabaseScope.Host;

    public override string SearchPath => PostgresTenantStorage.HostSchema;
}

/// <summary>One tenant's storage namespace. Which tenant is decided by the scope that created it.</summary>
public sealed class TenantDbContext(DbContextOptions<TenantDbContext> options, IEnumerable<IModelContributor> contributors, TenantScope tenantScope)
    : PortalDbContext(options, contributors)
{
    protected override DatabaseScope Scope => DatabaseScope.Tenant;

    public override string SearchPath => PostgresTenantStorage.SchemaFor(tenantScope.Required.Name);
}
