using Microsoft.EntityFrameworkCore.Migrations;
using OrchardPortal.Content.Data;
using OrchardPortal.Core.Data;

namespace OrchardPortal.Content;

/// <summary>The Content module's schema history (append-only; see <see cref="DataMigration"/>).</summary>
internal sealed class ContentMigration : DataMigration
{
    public override string Id => "OrchardPortal.Content";

    public override DatabaseScope Scope => DatabaseScope.Tenant;

    public override IReadOnlyList<Action<MigrationBuilder>> Steps { get; } =
    [
        b =>
        {
            b.CreateTable(
                name: "ContentPages",
                columns: c => new
                {
                    Key = c.Column<string>(maxLength: ContentModel.KeyLength, nullable: false),
                    DraftHtml = c.Column<string>(nullable: false),
                    DraftSavedUtc = c.Column<DateTimeOffset>(nullable: true),
                    DraftSavedBy = c.Column<string>(maxLength: ContentModel.AuthorLength, nullable: true),
                    PublishedVersion = c.Column<int>(nullable: true),
                    LatestVersion = c.Column<int>(nullable: false),
                },
                constraints: t => t.PrimaryKey("PK_ContentPages", x => x.Key));

            b.CreateTable(
                name: "ContentVersions",
                columns: c => new
                {
                    Id = c.Column<Guid>(nullable: false),
                    PageKey = c.Column<string>(maxLength: ContentModel.KeyLength, nullable: false),
                    Number = c.Column<int>(nullable: false),
                    Html = c.Column<string>(nullable: false),
                    PublishedUtc = c.Column<DateTimeOffset>(nullable: false),
                    PublishedBy = c.Column<string>(maxLength: ContentModel.AuthorLength, nullable: false),
                },
                constraints: t => t.PrimaryKey("PK_ContentVersions", x => x.Id));
            b.CreateIndex("IX_ContentVersions_PageKey_Number", "ContentVersions", ["PageKey", "Number"], unique: true);
        },
    ];
}
