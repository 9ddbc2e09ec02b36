using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Microsoft.EntityFrameworkCore.Migrations.Operations.Builders;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;
using OrchardPortal.Core.Data;
using M = OrchardPortal.Billing.Data.BillingModel;

namespace OrchardPortal.Billing;

/// <summary>The Billing module's schema history (append-only; see <see cref="DataMigration"/>).</summary>
internal sealed class BillingMigration : DataMigration
{
    public override string Id => "OrchardPortal.Billing";

    public override DatabaseScope Scope => DatabaseScope.Tenant;

    public override IReadOnlyList<Action<MigrationBuilder>> Steps { get; } =
    [
        b =>
        {
            Document(b, "Invoices", "DueDate");
            b.CreateIndex("IX_Invoices_NumberKey", "Invoices", "NumberKey", unique: true);
            b.CreateIndex("IX_Invoices_CustomerId_IssueDate_Id", "Invoices", ["CustomerId", "IssueDate", "Id"]);
            b.CreateIndex("IX_Invoices_Status_Id", "Invoices", ["Status", "Id"]);
            Lines(b, "InvoiceLines", "InvoiceId", "Invoices");

            Document(b, "Estimates", "ExpiryDate");
            b.CreateIndex("IX_Estimates_NumberKey", "Estimates", "NumberKey", unique: true);
            b.CreateIndex("IX_Estimates_CustomerId_IssueDate_Id", "Estimates", ["CustomerId", "IssueDate", "Id"]);
            b.CreateIndex("IX_Estimates_Status_Id", "Estimates", ["Status", "Id"]);
            Lines(b, "EstimateLines", "EstimateId", "Estimates");

            b.CreateTable(
                name: "LedgerEntries",
                columns: c => new
                {
                    Id = Identity(c),
                    CustomerId = c.Column<long>(nullable: false),
                    Kind = c.Column<string>(maxLength: M.EnumLength, nullable: false),
                    Date = c.Column<DateOnly>(nullable: false),
                    Amount = c.Column<long>(nullable: false),
                    Reference = c.Column<string>(maxLength: M.ReferenceLength, nullable: false),
                    Description = c.Column<string>(maxLength: M.DescriptionLength, nullable: false),
                    InvoiceId = c.Column<long>(nullable: true),
                    PaymentId = c.Column<long>(nullable: true),
                    RefundId = c.Column<long>(nullable: true),
                    CreatedUtc = c.Column<DateTimeOffset>(nullable: false),
                },
                constraints: t => t.PrimaryKey("PK_LedgerEntries", x => x.Id));
            b.CreateIndex("IX_LedgerEntries_CustomerId_Date_Id", "LedgerEntries", ["CustomerId", "Date", "Id"]);

            b.CreateTable(
                name: "Payments",
                columns: c => new
                {
                    Id = Identity(c),
                    CustomerId = c.Column<long>(nullable: false),
                    Amount = c.Column<long>(nullable: false),
                    Currency = c.Column<string>(maxLength: M.CurrencyLength, nullable: false),
                    Method = c.Column<string>(maxLength: M.EnumLength, nullable: false),
                    ExternalReference = c.Column<string>(maxLength: M.ReferenceLength, nullable: true),
                    IdempotencyKey = c.Column<string>(maxLength: M.KeyLength, nullable: false),
                    ReceivedDate = c.Column<DateOnly>(nullable: false),
                    Note = c.Column<string>(maxLength: M.ReasonLength, nullable: true),
                    RecordedBy = c.Column<string>(maxLength: M.NameLength, nullable: true),
                    RefundedAmount = c.Column<long>(nullable: false),
                    Unapplied = c.Column<long>(nullable: false),
                    CreatedUtc = c.Column<DateTimeOffset>(nullable: false),
                    Version = c.Column<int>(nullable: false),
                },
                constraints: t => t.PrimaryKey("PK_Payments", x => x.Id));
            b.CreateIndex("IX_Payments_IdempotencyKey", "Payments", "IdempotencyKey", unique: true);
            b.CreateIndex("IX_Payments_CustomerId_ReceivedDate", "Payments", ["CustomerId", "ReceivedDate"]);

            b.CreateTable(
                name: "PaymentAllocations",
                columns: c => new
                {
                    Id = Identity(c),
                    PaymentId = c.Column<long>(nullable: false),
                    InvoiceId = c.Column<long>(nullable: false),
                    Amount = c.Column<long>(nullable: false),
                    RefundedAmount = c.Column<long>(nullable: false),
                },
                constraints: t =>
                {
                    t.PrimaryKey("PK_PaymentAllocations", x => x.Id);
                    t.ForeignKey("FK_PaymentAllocations_Payments_PaymentId", x => x.PaymentId, "Payments", "Id", onDelete: ReferentialAction.Cascade);
                });
            b.CreateIndex("IX_PaymentAllocations_PaymentId", "PaymentAllocations", "PaymentId");
            b.CreateIndex("IX_PaymentAllocations_InvoiceId", "PaymentAllocations", "InvoiceId");

            b.CreateTable(
                name: "Refunds",
                columns: c => new
                {
                    Id = Identity(c),
                    PaymentId = c.Column<long>(nullable: false),
                    CustomerId = c.Column<long>(nullable: false),
                    Amount = c.Column<long>(nullable: false),
                    IdempotencyKey = c.Column<string>(maxLength: M.KeyLength, nullable: false),
                    ExternalReference = c.Column<string>(maxLength: M.ReferenceLength, nullable: true),
                    Reason = c.Column<string>(maxLength: M.ReasonLength, nullable: true),
                    Date = c.Column<DateOnly>(nullable: false),
                    CreatedUtc = c.Column<DateTimeOffset>(nullable: false),
                },
                constraints: t => t.PrimaryKey("PK_Refunds", x => x.Id));
            b.CreateIndex("IX_Refunds_IdempotencyKey", "Refunds", "IdempotencyKey", unique: true);
            b.CreateIndex("IX_Refunds_PaymentId", "Refunds", "PaymentId");

            b.CreateTable(
                name: "BillingCounters",
                columns: c => new
                {
                    Name = c.Column<string>(maxLength: M.CounterNameLength, nullable: false),
                    Value = c.Column<long>(nullable: false),
                },
                constraints: t => t.PrimaryKey("PK_BillingCounters", x => x.Name));
        },
    ];

    // Invoices and estimates are the same document; the invoice alone has payment and void columns.
    private static void Document(MigrationBuilder b, string table, string endDate)
    {
        b.CreateTable(
            name: table,
            columns: c => new
            {
                Id = Identity(c),
                Number = c.Column<string>(maxLength: M.NumberLength, nullable: false),
                NumberKey = c.Column<string>(maxLength: M.NumberLength, nullable: false),
                CustomerId = c.Column<long>(nullable: false),
                CustomerName = c.Column<string>(maxLength: M.NameLength, nullable: false),
                SearchText = c.Column<string>(maxLength: M.SearchLength, nullable: false),
                PropertyId = c.Column<long>(nullable: true),
                PropertyText = c.Column<string>(maxLength: M.PropertyLength, nullable: true),
                IssueDate = c.Column<DateOnly>(nullable: false),
                Currency = c.Column<string>(maxLength: M.CurrencyLength, nullable: false),
                Subtotal = c.Column<long>(nullable: false),
                Tax = c.Column<long>(nullable: false),
                Total = c.Column<long>(nullable: false),
                Status = c.Column<string>(maxLength: M.EnumLength, nullable: false),
                Notes = c.Column<string>(maxLength: M.NotesLength, nullable: true),
                CreatedUtc = c.Column<DateTimeOffset>(nullable: false),
                UpdatedUtc = c.Column<DateTimeOffset>(nullable: false),
                Version = c.Column<int>(nullable: false),
            },
            constraints: t => t.PrimaryKey("PK_" + table, x => x.Id));
        b.AddColumn<DateOnly>(endDate, table, nullable: false, defaultValue: DateOnly.MinValue);
        if (table == "Invoices")
        {
            b.AddColumn<long>("AmountPaid", table, nullable: false, defaultValue: 0L);
            b.AddColumn<DateTimeOffset>("IssuedUtc", table, nullable: true);
            b.AddColumn<DateTimeOffset>("VoidedUtc", table, nullable: true);
            b.AddColumn<string>("VoidReason", table, maxLength: M.ReasonLength, nullable: true);
        }
        else
        {
            b.AddColumn<DateTimeOffset>("SentUtc", table, nullable: true);
            b.AddColumn<string>("SignedName", table, maxLength: M.NameLength, nullable: true);
            b.AddColumn<DateTimeOffset>("DecidedUtc", table, nullable: true);
            b.AddColumn<string>("DecidedIp", table, maxLength: M.IpLength, nullable: true);
            b.AddColumn<string>("DeclineComment", table, maxLength: M.ReasonLength, nullable: true);
        }
    }

    private static void Lines(MigrationBuilder b, string table, string ownerColumn, string ownerTable)
    {
        b.CreateTable(
            name: table,
            columns: c => new
            {
                Id = Identity(c),
                Owner = c.Column<long>(name: ownerColumn, nullable: false),
                Position = c.Column<int>(nullable: false),
                Description = c.Column<string>(maxLength: M.DescriptionLength, nullable: false),
                Quantity = c.Column<decimal>(nullable: false),
                UnitPrice = c.Column<long>(nullable: false),
                TaxRate = c.Column<decimal>(nullable: false),
                Amount = c.Column<long>(nullable: false),
                LineTax = c.Column<long>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_" + table, x => x.Id);
                t.ForeignKey($"FK_{table}_{ownerTable}_{ownerColumn}", x => x.Owner, ownerTable, "Id", onDelete: ReferentialAction.Cascade);
            });
        b.CreateIndex($"IX_{table}_{ownerColumn}", table, ownerColumn);
    }

    // Each provider's own auto-increment: SQLite's rowid alias, PostgreSQL's identity column.
    private static OperationBuilder<AddColumnOperation> Identity(ColumnsBuilder c) =>
        c.Column<long>(nullable: false)
            .Annotation("Sqlite:Autoincrement", true)
            .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn);
}
