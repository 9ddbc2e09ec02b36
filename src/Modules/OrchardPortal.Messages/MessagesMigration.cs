using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;
using OrchardPortal.Core.Data;
using M = OrchardPortal.Messages.Data.MessagesModel;

namespace OrchardPortal.Messages;

/// <summary>The Messages module's schema history (append-only; see <see cref="DataMigration"/>).</summary>
internal sealed class MessagesMigration : DataMigration
{
    public override string Id => "OrchardPortal.Messages";

    public override DatabaseScope Scope => DatabaseScope.Tenant;

    public override IReadOnlyList<Action<MigrationBuilder>> Steps { get; } =
    [
        b =>
        {
            b.CreateTable(
                name: "MessageThreads",
                columns: c => new
                {
                    Id = c.Column<long>(nullable: false)
                        .Annotation("Sqlite:Autoincrement", true)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CustomerId = c.Column<long>(nullable: false),
                    SubjectKind = c.Column<string>(maxLength: M.EnumLength, nullable: false),
                    SubjectId = c.Column<long>(nullable: true),
                    Title = c.Column<string>(maxLength: M.TitleLength, nullable: false),
                    StartedBy = c.Column<string>(maxLength: M.EnumLength, nullable: false),
                    CreatedUtc = c.Column<DateTimeOffset>(nullable: false),
                    LastMessageUtc = c.Column<DateTimeOffset>(nullable: false),
                    LastMessageId = c.Column<long>(nullable: false),
                    CustomerReadUpTo = c.Column<long>(nullable: false),
                    StaffReadUpTo = c.Column<long>(nullable: false),
                    ClosedUtc = c.Column<DateTimeOffset>(nullable: true),
                },
                constraints: t => t.PrimaryKey("PK_MessageThreads", x => x.Id));
            b.CreateIndex("IX_MessageThreads_CustomerId_LastMessageId", "MessageThreads", ["CustomerId", "LastMessageId"]);
            b.CreateIndex("IX_MessageThreads_LastMessageId", "MessageThreads", "LastMessageId");

            b.CreateTable(
                name: "Messages",
                columns: c => new
                {
                    Id = c.Column<long>(nullable: false)
                        .Annotation("Sqlite:Autoincrement", true)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ThreadId = c.Column<long>(nullable: false),
                    CustomerId = c.Column<long>(nullable: false),
                    AuthorKind = c.Column<string>(maxLength: M.EnumLength, nullable: false),
                    AuthorPortalUserId = c.Column<long>(nullable: true),
                    AuthorStaffUserId = c.Column<long>(nullable: true),
                    AuthorName = c.Column<string>(maxLength: M.PersonLength, nullable: false),
                    Body = c.Column<string>(maxLength: M.BodyLength, nullable: false),
                    CreatedUtc = c.Column<DateTimeOffset>(nullable: false),
                },
                constraints: t => t.PrimaryKey("PK_Messages", x => x.Id));
            b.CreateIndex("IX_Messages_ThreadId_Id", "Messages", ["ThreadId", "Id"]);
            b.CreateIndex("IX_Messages_CustomerId_AuthorKind", "Messages", ["CustomerId", "AuthorKind"]);

            b.CreateTable(
                name: "MessageAttachments",
                columns: c => new
                {
                    Id = c.Column<long>(nullable: false)
                        .Annotation("Sqlite:Autoincrement", true)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MessageId = c.Column<long>(nullable: false),
                    ThreadId = c.Column<long>(nullable: false),
                    CustomerId = c.Column<long>(nullable: false),
                    FileName = c.Column<string>(maxLength: M.FileNameLength, nullable: false),
                    ContentType = c.Column<string>(maxLength: M.ContentTypeLength, nullable: false),
                    Length = c.Column<long>(nullable: false),
                    Sha256 = c.Column<string>(maxLength: M.HashLength, nullable: false),
                    StorageId = c.Column<string>(maxLength: M.StorageIdLength, nullable: false),
                },
                constraints: t => t.PrimaryKey("PK_MessageAttachments", x => x.Id));
            b.CreateIndex("IX_MessageAttachments_MessageId", "MessageAttachments", "MessageId");
            b.CreateIndex("IX_MessageAttachments_ThreadId", "MessageAttachments", "ThreadId");
        },
    ];
}
