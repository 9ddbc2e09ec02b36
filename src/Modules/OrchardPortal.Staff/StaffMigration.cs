using Microsoft.EntityFrameworkCore.Migrations;
using OrchardPortal.Core.Data;
using OrchardPortal.Staff.Data;

namespace OrchardPortal.Staff;

/// <summary>The Staff module's schema history (append-only; see <see cref="DataMigration"/>).</summary>
internal sealed class StaffMigration : DataMigration
{
    public override string Id => "OrchardPortal.Staff";

    public override DatabaseScope Scope => DatabaseScope.Tenant;

    public override IReadOnlyList<Action<MigrationBuilder>> Steps { get; } =
    [
        b =>
        {
            b.CreateTable(
                name: "StaffUsers",
                columns: c => new
                {
                    Id = c.Column<Guid>(nullable: false),
                    Email = c.Column<string>(maxLength: StaffModel.EmailLength, nullable: false),
                    Name = c.Column<string>(maxLength: StaffModel.NameLength, nullable: false),
                    Role = c.Column<string>(maxLength: StaffModel.RoleLength, nullable: false),
                    PasswordHash = c.Column<string>(maxLength: StaffModel.PasswordHashLength, nullable: true),
                    SecurityStamp = c.Column<string>(maxLength: StaffModel.HashLength, nullable: false),
                    FailedAttempts = c.Column<int>(nullable: false),
                    LockoutEndUtc = c.Column<DateTimeOffset>(nullable: true),
                    InvitedUtc = c.Column<DateTimeOffset>(nullable: true),
                    InvitationTokenHash = c.Column<string>(maxLength: StaffModel.HashLength, nullable: true),
                    InvitationExpiresUtc = c.Column<DateTimeOffset>(nullable: true),
                    InvitationAcceptedUtc = c.Column<DateTimeOffset>(nullable: true),
                    LastSignInUtc = c.Column<DateTimeOffset>(nullable: true),
                    CreatedUtc = c.Column<DateTimeOffset>(nullable: false),
                    Disabled = c.Column<bool>(nullable: false),
                },
                constraints: t => t.PrimaryKey("PK_StaffUsers", x => x.Id));
            b.CreateIndex("IX_StaffUsers_Email", "StaffUsers", "Email", unique: true);
            b.CreateIndex("IX_StaffUsers_InvitationTokenHash", "StaffUsers", "InvitationTokenHash");

            b.CreateTable(
                name: "StaffHandoffTokens",
                columns: c => new
                {
                    TokenHash = c.Column<string>(maxLength: StaffModel.HashLength, nullable: false),
                    UserId = c.Column<Guid>(nullable: false),
                    ExpiresUtc = c.Column<DateTimeOffset>(nullable: false),
                },
                constraints: t => t.PrimaryKey("PK_StaffHandoffTokens", x => x.TokenHash));
            b.CreateIndex("IX_StaffHandoffTokens_ExpiresUtc", "StaffHandoffTokens", "ExpiresUtc");
        },
    ];
}
