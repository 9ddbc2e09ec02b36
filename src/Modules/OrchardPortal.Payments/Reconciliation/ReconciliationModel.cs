using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;
using OrchardPortal.Core.Data;
using M = OrchardPortal.Payments.Data.PaymentsModel;

namespace OrchardPortal.Payments.Reconciliation;

/// <summary>The saved attempt requests' table (its own model and migration, so this use case owns its schema).</summary>
internal sealed class ReconciliationModel : IModelContributor
{
    public DatabaseScope Scope => DatabaseScope.Tenant;

    public void Configure(ModelBuilder modelBuilder)
    {
        var request = modelBuilder.Entity<AttemptRequest>();
        request.ToTable("PaymentAttemptRequests");
        request.HasKey(r => r.AttemptId);
        request.Property(r => r.AttemptId).HasMaxLength(M.IdLength);
    }
}

/// <summary>Schema history of <see cref="ReconciliationModel"/> (append-only).</summary>
internal sealed class ReconciliationMigration : DataMigration
{
    public override string Id => "OrchardPortal.Payments.Reconciliation";

    public override DatabaseScope Scope => DatabaseScope.Tenant;

    public override IReadOnlyList<Action<MigrationBuilder>> Steps { get; } =
    [
        b => b.CreateTable(
            name: "PaymentAttemptRequests",
            columns: c => new
            {
                AttemptId = c.Column<string>(maxLength: M.IdLength, nullable: false),
                RequestJson = c.Column<string>(nullable: false),
                CreatedUtc = c.Column<DateTimeOffset>(nullable: false),
            },
            constraints: t => t.PrimaryKey("PK_PaymentAttemptRequests", x => x.AttemptId)),
    ];
}
