using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;
using OrchardPortal.Core.Data;

namespace OrchardPortal.Core.Theming;

/// <summary>A tenant's own version of one view of a theme, edited by its staff in the admin.</summary>
public sealed class TemplateOverride
{
    public required string Theme { get; set; }

    /// <summary>The view name, as in <see cref="ThemeDescriptor.Views"/>.</summary>
    public required string View { get; set; }

    public required string Source { get; set; }

    /// <summary>Goes up by one on every save: with the tenant, theme and view it keys the compiled template.</summary>
    public int Version { get; set; }

    public DateTimeOffset UpdatedUtc { get; set; }

    /// <summary>Who saved it (staff email), for the editor's "last changed by".</summary>
    public string UpdatedBy { get; set; } = "";

    /// <summary>Why this version last failed while showing a page (the theme's original was shown instead).</summary>
    public string? LastError { get; set; }

    public DateTimeOffset? LastErrorUtc { get; set; }
}

internal sealed class ThemingModel : IModelContributor
{
    public DatabaseScope Scope => DatabaseScope.Tenant;

    public void Configure(ModelBuilder modelBuilder)
    {
        var entity = modelBuilder.Entity<TemplateOverride>();
        entity.ToTable("TemplateOverrides");
        entity.HasKey(o => new { o.Theme, o.View });
        entity.Property(o => o.Theme).HasMaxLength(100);
        entity.Property(o => o.View).HasMaxLength(200);
        entity.Property(o => o.UpdatedBy).HasMaxLength(254);
        entity.Property(o => o.LastError).HasMaxLength(2000);
    }
}

internal sealed class ThemingMigration : DataMigration
{
    public override string Id => "OrchardPortal.Core.Theming";

    public override DatabaseScope Scope => DatabaseScope.Tenant;

    public override IReadOnlyList<Action<MigrationBuilder>> Steps { get; } =
    [
        b => b.CreateTable(
            name: "TemplateOverrides",
            columns: c => new
            {
                Theme = c.Column<string>(maxLength: 100, nullable: false),
                View = c.Column<string>(maxLength: 200, nullable: false),
                Source = c.Column<string>(nullable: false),
                Version = c.Column<int>(nullable: false),
                UpdatedUtc = c.Column<DateTimeOffset>(nullable: false),
                UpdatedBy = c.Column<string>(maxLength: 254, nullable: false),
                LastError = c.Column<string>(maxLength: 2000, nullable: true),
                LastErrorUtc = c.Column<DateTimeOffset>(nullable: true),
            },
            constraints: t => t.PrimaryKey("PK_TemplateOverrides", x => new { x.Theme, x.View })),
    ];
}
