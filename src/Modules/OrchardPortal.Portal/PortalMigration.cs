using Microsoft.EntityFrameworkCore.Migrations;
using OrchardPortal.Core.Data;

namespace OrchardPortal.Portal;

/// <summary>The Portal module's tenant tables, as append-only steps.</summary>
internal sealed class PortalMigration : DataMigration
{
    public override string Id => "OrchardPortal.Portal";

    public override DatabaseScope Scope => DatabaseScope.Tenant;

    public override IReadOnlyList<Action<MigrationBuilder>> Steps { get; } =
    [
        b => b.CreateTable(
            name: "CustomerPortalAccess",
            columns: c => new
            {
                CustomerId = c.Column<string>(maxLength: 64, nullable: false),
                DenyPortal = c.Column<bool>(nullable: false),
                HiddenTabs = c.Column<string>(maxLength: 500, nullable: false),
                UpdatedUtc = c.Column<DateTimeOffset>(nullable: false),
            },
            constraints: t => t.PrimaryKey("PK_CustomerPortalAccess", x => x.CustomerId)),
    ];
}
