using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Microsoft.EntityFrameworkCore.Migrations.Operations.Builders;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;
using OrchardPortal.Core.Data;
using M = OrchardPortal.ServiceRequests.Data.ServiceRequestsModel;

namespace OrchardPortal.ServiceRequests;

/// <summary>The ServiceRequests module's schema history (append-only; see <see cref="DataMigration"/>).</summary>
internal sealed class ServiceRequestsMigration : DataMigration
{
    public override string Id => "OrchardPortal.ServiceRequests";

    public override DatabaseScope Scope => DatabaseScope.Tenant;

    public override IReadOnlyList<Action<MigrationBuilder>> Steps { get; } =
    [
        b =>
        {
            b.CreateTable(
                name: "ServiceCatalogItems",
                columns: c => new
                {
                    Id = Key(c),
                    Name = c.Column<string>(maxLength: M.NameLength, nullable: false),
                    Description = c.Column<string>(maxLength: M.DescriptionLength, nullable: true),
                    Price = c.Column<long>(nullable: true),
                    IsActive = c.Column<bool>(nullable: false),
                    Position = c.Column<int>(nullable: false),
                    CreatedUtc = c.Column<DateTimeOffset>(nullable: false),
                    UpdatedUtc = c.Column<DateTimeOffset>(nullable: false),
                },
                constraints: t => t.PrimaryKey("PK_ServiceCatalogItems", x => x.Id));
            b.CreateIndex("IX_ServiceCatalogItems_Position", "ServiceCatalogItems", "Position");

            b.CreateTable(
                name: "ServiceRequests",
                columns: c => new
                {
                    Id = Key(c),
                    CustomerId = c.Column<long>(nullable: false),
                    CustomerName = c.Column<string>(maxLength: M.LabelLength, nullable: false),
                    CatalogItemId = c.Column<long>(nullable: true),
                    ServiceName = c.Column<string>(maxLength: M.NameLength, nullable: false),
                    Price = c.Column<long>(nullable: true),
                    Currency = c.Column<string>(maxLength: M.CurrencyLength, nullable: true),
                    Description = c.Column<string>(maxLength: M.TextLength, nullable: true),
                    PropertyId = c.Column<long>(nullable: true),
                    PropertyText = c.Column<string>(maxLength: M.LabelLength, nullable: true),
                    PreferredFrom = c.Column<DateOnly>(nullable: false),
                    PreferredTo = c.Column<DateOnly>(nullable: true),
                    PreferredTime = c.Column<string>(maxLength: M.EnumLength, nullable: false),
                    Notes = c.Column<string>(maxLength: M.TextLength, nullable: true),
                    Status = c.Column<string>(maxLength: M.EnumLength, nullable: false),
                    SubmittedBy = c.Column<string>(maxLength: M.PersonLength, nullable: false),
                    SubmitterEmail = c.Column<string>(maxLength: M.EmailLength, nullable: true),
                    EstimateId = c.Column<long>(nullable: true),
                    VisitId = c.Column<long>(nullable: true),
                    CreatedUtc = c.Column<DateTimeOffset>(nullable: false),
                    UpdatedUtc = c.Column<DateTimeOffset>(nullable: false),
                    Version = c.Column<int>(nullable: false),
                },
                constraints: t => t.PrimaryKey("PK_ServiceRequests", x => x.Id));
            b.CreateIndex("IX_ServiceRequests_CustomerId", "ServiceRequests", "CustomerId");
            b.CreateIndex("IX_ServiceRequests_Status", "ServiceRequests", "Status");

            b.CreateTable(
                name: "ServiceRequestPhotos",
                columns: c => new
                {
                    Id = Key(c),
                    ServiceRequestId = c.Column<long>(nullable: false),
                    FileName = c.Column<string>(maxLength: M.FileNameLength, nullable: false),
                    ContentType = c.Column<string>(maxLength: M.ContentTypeLength, nullable: false),
                    Length = c.Column<long>(nullable: false),
                    Sha256 = c.Column<string>(maxLength: M.HashLength, nullable: false),
                    StorageId = c.Column<string>(maxLength: M.StorageIdLength, nullable: false),
                },
                constraints: t =>
                {
                    t.PrimaryKey("PK_ServiceRequestPhotos", x => x.Id);
                    t.ForeignKey("FK_ServiceRequestPhotos_ServiceRequests_ServiceRequestId", x => x.ServiceRequestId, "ServiceRequests", "Id", onDelete: ReferentialAction.Cascade);
                });
            b.CreateIndex("IX_ServiceRequestPhotos_ServiceRequestId", "ServiceRequestPhotos", "ServiceRequestId");

            b.CreateTable(
                name: "ServiceRequestUpdates",
                columns: c => new
                {
                    Id = Key(c),
                    ServiceRequestId = c.Column<long>(nullable: false),
                    Status = c.Column<string>(maxLength: M.EnumLength, nullable: false),
                    Message = c.Column<string>(maxLength: M.TextLength, nullable: true),
                    StaffName = c.Column<string>(maxLength: M.PersonLength, nullable: false),
                    CreatedUtc = c.Column<DateTimeOffset>(nullable: false),
                },
                constraints: t =>
                {
                    t.PrimaryKey("PK_ServiceRequestUpdates", x => x.Id);
                    t.ForeignKey("FK_ServiceRequestUpdates_ServiceRequests_ServiceRequestId", x => x.ServiceRequestId, "ServiceRequests", "Id", onDelete: ReferentialAction.Cascade);
                });
            b.CreateIndex("IX_ServiceRequestUpdates_ServiceRequestId", "ServiceRequestUpdates", "ServiceRequestId");

            b.CreateTable(
                name: "ServiceNotes",
                columns: c => new
                {
                    Id = Key(c),
                    CustomerId = c.Column<long>(nullable: false),
                    CustomerName = c.Column<string>(maxLength: M.LabelLength, nullable: false),
                    PropertyId = c.Column<long>(nullable: true),
                    PropertyText = c.Column<string>(maxLength: M.LabelLength, nullable: true),
                    VisitId = c.Column<long>(nullable: true),
                    VisitText = c.Column<string>(maxLength: M.LabelLength, nullable: true),
                    Body = c.Column<string>(maxLength: M.TextLength, nullable: false),
                    SubmittedBy = c.Column<string>(maxLength: M.PersonLength, nullable: false),
                    SubmitterEmail = c.Column<string>(maxLength: M.EmailLength, nullable: true),
                    CreatedUtc = c.Column<DateTimeOffset>(nullable: false),
                    Answer = c.Column<string>(maxLength: M.TextLength, nullable: true),
                    AnsweredBy = c.Column<string>(maxLength: M.PersonLength, nullable: true),
                    AnsweredUtc = c.Column<DateTimeOffset>(nullable: true),
                },
                constraints: t => t.PrimaryKey("PK_ServiceNotes", x => x.Id));
            b.CreateIndex("IX_ServiceNotes_CustomerId", "ServiceNotes", "CustomerId");
            b.CreateIndex("IX_ServiceNotes_AnsweredUtc", "ServiceNotes", "AnsweredUtc");
        },
    ];

    private static OperationBuilder<AddColumnOperation> Key(ColumnsBuilder c) =>
        c.Column<long>(nullable: false)
            .Annotation("Sqlite:Autoincrement", true)
            .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn);
}
