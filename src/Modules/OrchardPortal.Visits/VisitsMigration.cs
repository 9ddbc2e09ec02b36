using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;
using OrchardPortal.Core.Data;
using M = OrchardPortal.Visits.Data.VisitsModel;

namespace OrchardPortal.Visits;

/// <summary>The Visits module's schema history (append-only; see <see cref="DataMigration"/>).</summary>
internal sealed class VisitsMigration : DataMigration
{
    public override string Id => "OrchardPortal.Visits";

    public override DatabaseScope Scope => DatabaseScope.Tenant;

    public override IReadOnlyList<Action<MigrationBuilder>> Steps { get; } =
    [
        b =>
        {
            b.CreateTable(
                name: "Visits",
                columns: c => new
                {
                    Id = c.Column<long>(nullable: false)
                        .Annotation("Sqlite:Autoincrement", true)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CustomerId = c.Column<long>(nullable: false),
                    PropertyId = c.Column<long>(nullable: true),
                    Location = c.Column<string>(maxLength: M.LocationLength, nullable: true),
                    ServiceName = c.Column<string>(maxLength: M.ServiceNameLength, nullable: false),
                    WindowStartUtc = c.Column<DateTimeOffset>(nullable: false),
                    WindowEndUtc = c.Column<DateTimeOffset>(nullable: false),
                    CrewNotes = c.Column<string>(maxLength: M.NotesLength, nullable: true),
                    CustomerNotes = c.Column<string>(maxLength: M.NotesLength, nullable: true),
                    Status = c.Column<string>(maxLength: M.EnumLength, nullable: false),
                    DelayMessage = c.Column<string>(maxLength: M.MessageLength, nullable: true),
                    StartedUtc = c.Column<DateTimeOffset>(nullable: true),
                    CompletedUtc = c.Column<DateTimeOffset>(nullable: true),
                    SourceServiceRequestId = c.Column<long>(nullable: true),
                    CreatedUtc = c.Column<DateTimeOffset>(nullable: false),
                    UpdatedUtc = c.Column<DateTimeOffset>(nullable: false),
                },
                constraints: t => t.PrimaryKey("PK_Visits", x => x.Id));
            b.CreateIndex("IX_Visits_CustomerId_WindowStartUtc", "Visits", ["CustomerId", "WindowStartUtc"]);
            b.CreateIndex("IX_Visits_WindowStartUtc", "Visits", "WindowStartUtc");

            b.CreateTable(
                name: "VisitChangeRequests",
                columns: c => new
                {
                    Id = c.Column<long>(nullable: false)
                        .Annotation("Sqlite:Autoincrement", true)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    VisitId = c.Column<long>(nullable: false),
                    CustomerId = c.Column<long>(nullable: false),
                    Kind = c.Column<string>(maxLength: M.EnumLength, nullable: false),
                    PreferredDates = c.Column<string>(maxLength: M.MessageLength, nullable: true),
                    Notes = c.Column<string>(maxLength: M.NotesLength, nullable: true),
                    RequestedBy = c.Column<string>(maxLength: M.PersonLength, nullable: false),
                    CreatedUtc = c.Column<DateTimeOffset>(nullable: false),
                    Status = c.Column<string>(maxLength: M.EnumLength, nullable: false),
                    DecidedBy = c.Column<string>(maxLength: M.PersonLength, nullable: true),
                    DecidedUtc = c.Column<DateTimeOffset>(nullable: true),
                    DeclineReason = c.Column<string>(maxLength: M.MessageLength, nullable: true),
                },
                constraints: t => t.PrimaryKey("PK_VisitChangeRequests", x => x.Id));
            b.CreateIndex("IX_VisitChangeRequests_VisitId_Status", "VisitChangeRequests", ["VisitId", "Status"]);
            b.CreateIndex("IX_VisitChangeRequests_Status_CreatedUtc", "VisitChangeRequests", ["Status", "CreatedUtc"]);

            b.CreateTable(
                name: "VisitCalendarFeeds",
                columns: c => new
                {
                    CustomerId = c.Column<long>(nullable: false),
                    TokenHash = c.Column<string>(maxLength: M.HashLength, nullable: false),
                    CreatedUtc = c.Column<DateTimeOffset>(nullable: false),
                },
                constraints: t => t.PrimaryKey("PK_VisitCalendarFeeds", x => x.CustomerId));
            b.CreateIndex("IX_VisitCalendarFeeds_TokenHash", "VisitCalendarFeeds", "TokenHash", unique: true);
        },
        b =>
        {
            // Concurrency guards for visits and requests, and who to tell about a request's decision.
            b.AddColumn<int>("Version", "Visits", nullable: false, defaultValue: 0);
            b.AddColumn<int>("Version", "VisitChangeRequests", nullable: false, defaultValue: 0);
            b.AddColumn<string>("RequestedByEmail", "VisitChangeRequests", maxLength: M.EmailLength, nullable: true);
        },
    ];
}
