using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Microsoft.EntityFrameworkCore.Migrations.Operations.Builders;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;
using OrchardPortal.Core.Data;
using M = OrchardPortal.Customers.Data.CustomersModel;

namespace OrchardPortal.Customers;

/// <summary>The Customers module's schema history (append-only; see <see cref="DataMigration"/>).</summary>
internal sealed class CustomersMigration : DataMigration
{
    public override string Id => "OrchardPortal.Customers";

    public override DatabaseScope Scope => DatabaseScope.Tenant;

    public override IReadOnlyList<Action<MigrationBuilder>> Steps { get; } =
    [
        b =>
        {
            b.CreateTable(
                name: "Customers",
                columns: c => new
                {
                    Id = Identity(c),
                    AccountNumber = c.Column<string>(maxLength: M.AccountNumberLength, nullable: false),
                    AccountKey = c.Column<string>(maxLength: M.AccountNumberLength, nullable: false),
                    DisplayName = c.Column<string>(maxLength: M.CompanyLength, nullable: false),
                    FirstName = c.Column<string>(maxLength: M.NameLength, nullable: true),
                    LastName = c.Column<string>(maxLength: M.NameLength, nullable: true),
                    CompanyName = c.Column<string>(maxLength: M.CompanyLength, nullable: true),
                    Status = c.Column<string>(maxLength: M.EnumLength, nullable: false),
                    Notes = c.Column<string>(maxLength: M.NotesLength, nullable: true),
                    PrimaryEmail = c.Column<string>(maxLength: M.EmailLength, nullable: true),
                    PrimaryPhone = c.Column<string>(maxLength: M.PhoneLength, nullable: true),
                    SortName = c.Column<string>(maxLength: M.CompanyLength, nullable: false),
                    SearchText = c.Column<string>(maxLength: M.SearchTextLength, nullable: false),
                    HasPortalAccount = c.Column<bool>(nullable: false),
                    AutopayEnabled = c.Column<bool>(nullable: false),
                    LastPortalSignInUtc = c.Column<DateTimeOffset>(nullable: true),
                    CreatedUtc = c.Column<DateTimeOffset>(nullable: false),
                    UpdatedUtc = c.Column<DateTimeOffset>(nullable: false),
                    Version = c.Column<int>(nullable: false),
                },
                constraints: t => t.PrimaryKey("PK_Customers", x => x.Id));
            b.CreateIndex("IX_Customers_AccountKey", "Customers", "AccountKey", unique: true);
            b.CreateIndex("IX_Customers_SortName_Id", "Customers", ["SortName", "Id"]);
            b.CreateIndex("IX_Customers_Status_SortName_Id", "Customers", ["Status", "SortName", "Id"]);
            b.CreateIndex("IX_Customers_CreatedUtc_Id", "Customers", ["CreatedUtc", "Id"]);
            b.CreateIndex("IX_Customers_SearchText", "Customers", "SearchText");

            b.CreateTable(
                name: "CustomerEmails",
                columns: c => new
                {
                    Id = Identity(c),
                    CustomerId = c.Column<long>(nullable: false),
                    Address = c.Column<string>(maxLength: M.EmailLength, nullable: false),
                    Label = c.Column<string>(maxLength: M.LabelLength, nullable: true),
                    IsPrimary = c.Column<bool>(nullable: false),
                },
                constraints: t =>
                {
                    t.PrimaryKey("PK_CustomerEmails", x => x.Id);
                    t.ForeignKey("FK_CustomerEmails_Customers_CustomerId", x => x.CustomerId, "Customers", "Id", onDelete: ReferentialAction.Cascade);
                });
            b.CreateIndex("IX_CustomerEmails_CustomerId", "CustomerEmails", "CustomerId");
            b.CreateIndex("IX_CustomerEmails_Address", "CustomerEmails", "Address");

            b.CreateTable(
                name: "CustomerPhones",
                columns: c => new
                {
                    Id = Identity(c),
                    CustomerId = c.Column<long>(nullable: false),
                    Number = c.Column<string>(maxLength: M.PhoneLength, nullable: false),
                    Label = c.Column<string>(maxLength: M.LabelLength, nullable: true),
                    IsPrimary = c.Column<bool>(nullable: false),
                },
                constraints: t =>
                {
                    t.PrimaryKey("PK_CustomerPhones", x => x.Id);
                    t.ForeignKey("FK_CustomerPhones_Customers_CustomerId", x => x.CustomerId, "Customers", "Id", onDelete: ReferentialAction.Cascade);
                });
            b.CreateIndex("IX_CustomerPhones_CustomerId", "CustomerPhones", "CustomerId");

            b.CreateTable(
                name: "CustomerAddresses",
                columns: c => new
                {
                    Id = Identity(c),
                    CustomerId = c.Column<long>(nullable: false),
                    Kind = c.Column<string>(maxLength: M.EnumLength, nullable: false),
                    Label = c.Column<string>(maxLength: M.LabelLength, nullable: true),
                    Line1 = c.Column<string>(maxLength: M.LineLength, nullable: false),
                    Line2 = c.Column<string>(maxLength: M.LineLength, nullable: true),
                    City = c.Column<string>(maxLength: M.CityLength, nullable: false),
                    Region = c.Column<string>(maxLength: M.RegionLength, nullable: true),
                    PostalCode = c.Column<string>(maxLength: M.PostalCodeLength, nullable: true),
                    Country = c.Column<string>(maxLength: M.CountryLength, nullable: true),
                    IsPrimary = c.Column<bool>(nullable: false),
                },
                constraints: t =>
                {
                    t.PrimaryKey("PK_CustomerAddresses", x => x.Id);
                    t.ForeignKey("FK_CustomerAddresses_Customers_CustomerId", x => x.CustomerId, "Customers", "Id", onDelete: ReferentialAction.Cascade);
                });
            b.CreateIndex("IX_CustomerAddresses_CustomerId", "CustomerAddresses", "CustomerId");

            b.CreateTable(
                name: "ContactChangeRequests",
                columns: c => new
                {
                    Id = Identity(c),
                    CustomerId = c.Column<long>(nullable: false),
                    ChangesJson = c.Column<string>(nullable: false),
                    RequestedBy = c.Column<string>(maxLength: M.PersonLength, nullable: true),
                    CreatedUtc = c.Column<DateTimeOffset>(nullable: false),
                    Status = c.Column<string>(maxLength: M.EnumLength, nullable: false),
                    DecidedBy = c.Column<string>(maxLength: M.PersonLength, nullable: true),
                    DecidedUtc = c.Column<DateTimeOffset>(nullable: true),
                    DeclineReason = c.Column<string>(maxLength: M.ReasonLength, nullable: true),
                    Version = c.Column<int>(nullable: false),
                },
                constraints: t =>
                {
                    t.PrimaryKey("PK_ContactChangeRequests", x => x.Id);
                    t.ForeignKey("FK_ContactChangeRequests_Customers_CustomerId", x => x.CustomerId, "Customers", "Id", onDelete: ReferentialAction.Cascade);
                });
            b.CreateIndex("IX_ContactChangeRequests_CustomerId", "ContactChangeRequests", "CustomerId");
            b.CreateIndex("IX_ContactChangeRequests_Status_CreatedUtc", "ContactChangeRequests", ["Status", "CreatedUtc"]);

            b.CreateTable(
                name: "CustomerCounters",
                columns: c => new
                {
                    Name = c.Column<string>(maxLength: M.CounterNameLength, nullable: false),
                    Value = c.Column<long>(nullable: false),
                },
                constraints: t => t.PrimaryKey("PK_CustomerCounters", x => x.Name));
        },

        // "Has a portal account" is the list the portal-users screens start from; counting it scanned every row.
        b => b.CreateIndex("IX_Customers_HasPortalAccount_SortName_Id", "Customers", ["HasPortalAccount", "SortName", "Id"]),
    ];

    // Each provider's own auto-increment: SQLite's rowid alias, PostgreSQL's identity column.
    private static OperationBuilder<AddColumnOperation> Identity(ColumnsBuilder c) =>
        c.Column<long>(nullable: false)
            .Annotation("Sqlite:Autoincrement", true)
            .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn);
}
