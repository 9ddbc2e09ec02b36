using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;
using OrchardPortal.Core.Data;
using M = OrchardPortal.Payments.Data.PaymentsModel;

namespace OrchardPortal.Payments.InvoiceLinks;

/// <summary>The invoice links' schema history (append-only; see <see cref="DataMigration"/>).</summary>
internal sealed class InvoiceLinksMigration : DataMigration
{
    public override string Id => "OrchardPortal.Payments.InvoiceLinks";

    public override DatabaseScope Scope => DatabaseScope.Tenant;

    public override IReadOnlyList<Action<MigrationBuilder>> Steps { get; } =
    [
        b =>
        {
            b.CreateTable(
                name: "PaymentInvoiceLinks",
                columns: c => new
                {
                    Id = c.Column<long>(nullable: false).Annotation("Sqlite:Autoincrement", true).Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TokenHash = c.Column<string>(maxLength: M.HashLength, nullable: false),
                    InvoiceId = c.Column<long>(nullable: false),
                    CustomerId = c.Column<long>(nullable: false),
                    SentTo = c.Column<string>(maxLength: M.KeyLength, nullable: false),
                    CreatedUtc = c.Column<DateTimeOffset>(nullable: false),
                    ExpiresUtc = c.Column<DateTimeOffset>(nullable: false),
                },
                constraints: t => t.PrimaryKey("PK_PaymentInvoiceLinks", x => x.Id));
            b.CreateIndex("IX_PaymentInvoiceLinks_TokenHash", "PaymentInvoiceLinks", "TokenHash", unique: true);
            b.CreateIndex("IX_PaymentInvoiceLinks_InvoiceId", "PaymentInvoiceLinks", "InvoiceId");
        },
    ];
}
