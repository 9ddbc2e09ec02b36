using Microsoft.EntityFrameworkCore.Migrations;
using OrchardPortal.Core.Data;
using OrchardPortal.Emails.Data;

namespace OrchardPortal.Emails;

/// <summary>The email templates table. Append-only: add steps, never edit one that has shipped.</summary>
internal sealed class EmailsMigration : DataMigration
{
    public override string Id => "OrchardPortal.Emails";

    public override DatabaseScope Scope => DatabaseScope.Tenant;

    public override IReadOnlyList<Action<MigrationBuilder>> Steps { get; } =
    [
        b => b.CreateTable(
            name: EmailsModel.Table,
            columns: c => new
            {
                Key = c.Column<string>(maxLength: EmailsModel.KeyLength, nullable: false),
                Subject = c.Column<string>(maxLength: EmailsModel.SubjectLength, nullable: false),
                HtmlBody = c.Column<string>(nullable: false),
                TextBody = c.Column<string>(nullable: true),
                Version = c.Column<int>(nullable: false),
                UpdatedUtc = c.Column<DateTimeOffset>(nullable: false),
                UpdatedBy = c.Column<string>(maxLength: EmailsModel.PersonLength, nullable: false),
                LastError = c.Column<string>(maxLength: EmailsModel.ErrorLength, nullable: true),
                LastErrorUtc = c.Column<DateTimeOffset>(nullable: true),
            },
            constraints: t => t.PrimaryKey("PK_EmailTemplates", x => x.Key)),
    ];
}
