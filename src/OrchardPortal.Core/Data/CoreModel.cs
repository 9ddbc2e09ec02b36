using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;
using OrchardPortal.Core.Settings;
using OrchardPortal.Core.Tenancy;

namespace OrchardPortal.Core.Data;

/// <summary>The platform's own host tables: the tenant registry.</summary>
internal sealed class CoreHostModel : IModelContributor
{
    public DatabaseScope Scope => DatabaseScope.Host;

    public void Configure(ModelBuilder modelBuilder)
    {
        var tenant = modelBuilder.Entity<TenantRecord>();
        tenant.ToTable("Tenants");
        tenant.HasKey(t => t.Name);
        tenant.Property(t => t.Name).HasMaxLength(63);
        tenant.Property(t => t.CompanyName).HasMaxLength(100);
        tenant.Property(t => t.HostNames).HasMaxLength(1000);
        tenant.Property(t => t.Placement).HasMaxLength(100);
        tenant.Property(t => t.RecipeName).HasMaxLength(100);
        tenant.Property(t => t.OwnerEmail).HasMaxLength(254);
        tenant.HasIndex(t => t.CreatedUtc);
        tenant.HasIndex(t => t.State);
    }
}

/// <summary>The platform's own tenant tables: settings documents.</summary>
internal sealed class CoreTenantModel : IModelContributor
{
    public DatabaseScope Scope => DatabaseScope.Tenant;

    public void Configure(ModelBuilder modelBuilder)
    {
        var settings = modelBuilder.Entity<SiteSettingsDocument>();
        settings.ToTable("SiteSettings");
        settings.HasKey(s => s.Name);
        settings.Property(s => s.Name).HasMaxLength(100);
    }
}

internal sealed class CoreHostMigration : DataMigration
{
    public override string Id => "OrchardPortal.Core";

    public override DatabaseScope Scope => DatabaseScope.Host;

    public override IReadOnlyList<Action<MigrationBuilder>> Steps { get; } =
    [
        b =>
        {
            b.CreateTable(
                name: "Tenants",
                columns: c => new
                {
                    Name = c.Column<string>(maxLength: 63, nullable: false),
                    CompanyName = c.Column<string>(maxLength: 100, nullable: false),
                    HostNames = c.Column<string>(maxLength: 1000, nullable: false),
                    State = c.Column<int>(nullable: false),
                    Placement = c.Column<string>(maxLength: 100, nullable: false),
                    RecipeName = c.Column<string>(maxLength: 100, nullable: false),
                    OwnerEmail = c.Column<string>(maxLength: 254, nullable: false),
                    CreatedUtc = c.Column<DateTimeOffset>(nullable: false),
                    UpdatedUtc = c.Column<DateTimeOffset>(nullable: false),
                },
                constraints: t => t.PrimaryKey("PK_Tenants", x => x.Name));
            b.CreateIndex("IX_Tenants_CreatedUtc", "Tenants", "CreatedUtc");
            b.CreateIndex("IX_Tenants_State", "Tenants", "State");
        },
    ];
}

internal sealed class CoreTenantMigration : DataMigration
{
    public override string Id => "OrchardPortal.Core";

    public override DatabaseScope Scope => DatabaseScope.Tenant;

    public override IReadOnlyList<Action<MigrationBuilder>> Steps { get; } =
    [
        b => b.CreateTable(
            name: "SiteSettings",
            columns: c => new
            {
                Name = c.Column<string>(maxLength: 100, nullable: false),
                Json = c.Column<string>(nullable: false),
                UpdatedUtc = c.Column<DateTimeOffset>(nullable: false),
            },
            constraints: t => t.PrimaryKey("PK_SiteSettings", x => x.Name)),
    ];
}
