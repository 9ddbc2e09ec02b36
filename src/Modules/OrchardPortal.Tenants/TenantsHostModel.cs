using Microsoft.EntityFrameworkCore;
using OrchardPortal.Core.Data;
using OrchardPortal.Core.Tenancy;
using OrchardPortal.Tenants.ApiKeys;
using OrchardPortal.Tenants.Operators;

namespace OrchardPortal.Tenants;

/// <summary>
/// The module's host tables (operators, API keys) and the extra registry indexes the operator's
/// tenant list needs. Kept in step with <see cref="TenantsHostMigration"/>.
/// </summary>
internal sealed class TenantsHostModel : IModelContributor
{
    public DatabaseScope Scope => DatabaseScope.Host;

    public void Configure(ModelBuilder modelBuilder)
    {
        var account = modelBuilder.Entity<OperatorAccount>();
        account.ToTable("Operators");
        account.HasKey(o => o.Id);
        account.Property(o => o.Id).ValueGeneratedNever();
        account.Property(o => o.Email).HasMaxLength(254);
        account.Property(o => o.Name).HasMaxLength(100);
        account.Property(o => o.PasswordHash).HasMaxLength(500);
        account.HasIndex(o => o.Email).IsUnique();

        var key = modelBuilder.Entity<OperatorApiKey>();
        key.ToTable("OperatorApiKeys");
        key.HasKey(k => k.Id);
        key.Property(k => k.Name).HasMaxLength(100);
        key.Property(k => k.Prefix).HasMaxLength(20);
        key.Property(k => k.KeyHash).HasMaxLength(64);
        key.HasIndex(k => k.KeyHash).IsUnique();

        // The tenant list filters by state and shows newest first; operators also look tenants up by
        // the owner's email from a support request. See TenantQuery for how search uses these.
        var tenant = modelBuilder.Entity<TenantRecord>();
        tenant.HasIndex(t => new { t.State, t.CreatedUtc });
        tenant.HasIndex(t => t.OwnerEmail);
    }
}
