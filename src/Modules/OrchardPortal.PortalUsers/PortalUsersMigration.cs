using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Microsoft.EntityFrameworkCore.Migrations.Operations.Builders;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;
using OrchardPortal.Core.Data;
using M = OrchardPortal.PortalUsers.Data.PortalUsersModel;

namespace OrchardPortal.PortalUsers;

/// <summary>The PortalUsers module's schema history (append-only; see <see cref="DataMigration"/>).</summary>
internal sealed class PortalUsersMigration : DataMigration
{
    public override string Id => "OrchardPortal.PortalUsers";

    public override DatabaseScope Scope => DatabaseScope.Tenant;

    public override IReadOnlyList<Action<MigrationBuilder>> Steps { get; } =
    [
        b =>
        {
            b.CreateTable(
                name: "PortalUsers",
                columns: c => new
                {
                    Id = Identity(c),
                    CustomerId = c.Column<long>(nullable: false),
                    Email = c.Column<string>(maxLength: M.EmailLength, nullable: false),
                    Name = c.Column<string>(maxLength: M.NameLength, nullable: false),
                    PasswordHash = c.Column<string>(maxLength: M.PasswordHashLength, nullable: true),
                    Status = c.Column<string>(maxLength: M.EnumLength, nullable: false),
                    AllowedTabs = c.Column<string>(maxLength: M.TabsLength, nullable: true),
                    CanPay = c.Column<bool>(nullable: false),
                    FailedSignIns = c.Column<int>(nullable: false),
                    LockedUntilUtc = c.Column<DateTimeOffset>(nullable: true),
                    SecurityStamp = c.Column<string>(maxLength: M.StampLength, nullable: false),
                    LastSignInUtc = c.Column<DateTimeOffset>(nullable: true),
                    CreatedUtc = c.Column<DateTimeOffset>(nullable: false),
                    InvitedUtc = c.Column<DateTimeOffset>(nullable: true),
                    ActivatedUtc = c.Column<DateTimeOffset>(nullable: true),
                },
                constraints: t => t.PrimaryKey("PK_PortalUsers", x => x.Id));
            b.CreateIndex("IX_PortalUsers_Email", "PortalUsers", "Email", unique: true);
            b.CreateIndex("IX_PortalUsers_CustomerId", "PortalUsers", "CustomerId");

            b.CreateTable(
                name: "PortalTokens",
                columns: c => new
                {
                    Id = Identity(c),
                    TokenHash = c.Column<string>(maxLength: M.TokenHashLength, nullable: false),
                    Purpose = c.Column<string>(maxLength: M.EnumLength, nullable: false),
                    UserId = c.Column<long>(nullable: false),
                    CreatedUtc = c.Column<DateTimeOffset>(nullable: false),
                    ExpiresUtc = c.Column<DateTimeOffset>(nullable: false),
                    UsedUtc = c.Column<DateTimeOffset>(nullable: true),
                },
                constraints: t =>
                {
                    t.PrimaryKey("PK_PortalTokens", x => x.Id);
                    t.ForeignKey("FK_PortalTokens_PortalUsers_UserId", x => x.UserId, "PortalUsers", "Id", onDelete: ReferentialAction.Cascade);
                });
            b.CreateIndex("IX_PortalTokens_TokenHash", "PortalTokens", "TokenHash", unique: true);
            b.CreateIndex("IX_PortalTokens_UserId_Purpose", "PortalTokens", ["UserId", "Purpose"]);
        },
        b =>
        {
            // One row per bulk send, so a double click or a resubmitted form sends nothing twice.
            b.CreateTable(
                name: "PortalBulkRequests",
                columns: c => new
                {
                    Key = c.Column<string>(maxLength: M.BulkKeyLength, nullable: false),
                    CreatedUtc = c.Column<DateTimeOffset>(nullable: false),
                },
                constraints: t => t.PrimaryKey("PK_PortalBulkRequests", x => x.Key));
            b.CreateIndex("IX_PortalBulkRequests_CreatedUtc", "PortalBulkRequests", "CreatedUtc");
        },
    ];

    // Each provider's own auto-increment: SQLite's rowid alias, PostgreSQL's identity column.
    private static OperationBuilder<AddColumnOperation> Identity(ColumnsBuilder c) =>
        c.Column<long>(nullable: false)
            .Annotation("Sqlite:Autoincrement", true)
            .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn);
}
