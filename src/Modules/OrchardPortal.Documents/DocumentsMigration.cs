using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;
using OrchardPortal.Core.Data;
using M = OrchardPortal.Documents.Data.DocumentsModel;

namespace OrchardPortal.Documents;

/// <summary>The Documents module's schema history (append-only; see <see cref="DataMigration"/>).</summary>
internal sealed class DocumentsMigration : DataMigration
{
    public override string Id => "OrchardPortal.Documents";

    public override DatabaseScope Scope => DatabaseScope.Tenant;

    public override IReadOnlyList<Action<MigrationBuilder>> Steps { get; } =
    [
        b =>
        {
            b.CreateTable(
                name: "Documents",
                columns: c => new
                {
                    Id = c.Column<long>(nullable: false)
                        .Annotation("Sqlite:Autoincrement", true)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CustomerId = c.Column<long>(nullable: true),
                    Title = c.Column<string>(maxLength: M.TitleLength, nullable: false),
                    FileName = c.Column<string>(maxLength: M.FileNameLength, nullable: false),
                    ContentType = c.Column<string>(maxLength: M.ContentTypeLength, nullable: false),
                    Length = c.Column<long>(nullable: false),
                    Sha256 = c.Column<string>(maxLength: M.HashLength, nullable: false),
                    StorageId = c.Column<string>(maxLength: M.StorageIdLength, nullable: false),
                    Source = c.Column<string>(maxLength: M.EnumLength, nullable: false),
                    UploadedBy = c.Column<string>(maxLength: M.PersonLength, nullable: false),
                    UploadedUtc = c.Column<DateTimeOffset>(nullable: false),
                },
                constraints: t => t.PrimaryKey("PK_Documents", x => x.Id));
            b.CreateIndex("IX_Documents_CustomerId_UploadedUtc", "Documents", ["CustomerId", "UploadedUtc"]);
            b.CreateIndex("IX_Documents_UploadedUtc", "Documents", "UploadedUtc");
        },
    ];
}
