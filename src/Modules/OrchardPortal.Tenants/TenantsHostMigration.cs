using Microsoft.EntityFrameworkCore.Migrations;
using OrchardPortal.Core.Data;

namespace OrchardPortal.Tenants;

/// <summary>Host schema of the Tenants module. Append-only: add steps, never edit released ones.</summary>
internal sealed class TenantsHostMigration : DataMigration
{
    public override string Id => "OrchardPortal.Tenants";

    public override DatabaseScope Scope => DatabaseScope.Host;

    public override IReadOnlyList<Action<MigrationBuilder>> Steps { get; } =
    [
        b =>
        {
            b.CreateTable(
                name: "Operators",
                columns: c => new
                {
                    Id = c.Column<int>(nullable: false),
                    Email = c.Column<string>(maxLength: 254, nullable: false),
                    Name = c.Column<string>(maxLength: 100, nullable: false),
                    PasswordHash = c.Column<string>(maxLength: 500, nullable: false),
                    FailedSignIns = c.Column<int>(nullable: false),
                    LockedUntilUtc = c.Column<DateTimeOffset>(nullable: true),
                    CreatedUtc = c.Column<DateTimeOffset>(nullable: false),
                    LastSignInUtc = c.Column<DateTimeOffset>(nullable: true),
                },
                constraints: t => t.PrimaryKey("PK_Operators", x => x.Id));
            b.CreateIndex("IX_Operators_Email", "Operators", "Email", unique: true);

            b.CreateTable(
                name: "OperatorApiKeys",
                columns: c => new
                {
                    Id = c.Column<Guid>(nullable: false),
                    Name = c.Column<string>(maxLength: 100, nullable: false),
                    Prefix = c.Column<string>(maxLength: 20, nullable: false),
                    KeyHash = c.Column<string>(maxLength: 64, nullable: false),
                    CreatedUtc = c.Column<DateTimeOffset>(nullable: false),
                    LastUsedUtc = c.Column<DateTimeOffset>(nullable: true),
                    RevokedUtc = c.Column<DateTimeOffset>(nullable: true),
                },
                constraints: t => t.PrimaryKey("PK_OperatorApiKeys", x => x.Id));
            b.CreateIndex("IX_OperatorApiKeys_KeyHash", "OperatorApiKeys", "KeyHash", unique: true);

            b.CreateIndex("IX_Tenants_State_CreatedUtc", "Tenants", ["State", "CreatedUtc"]);
            b.CreateIndex("IX_Tenants_OwnerEmail", "Tenants", "OwnerEmail");
        },
    ];
}
