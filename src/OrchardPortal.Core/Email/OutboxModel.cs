using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;
using OrchardPortal.Core.Data;

namespace OrchardPortal.Core.Email;

/// <summary>The outbox table in every tenant's storage.</summary>
internal sealed class OutboxModel : IModelContributor
{
    public const string Table = "OutboxMessages";

    public DatabaseScope Scope => DatabaseScope.Tenant;

    public void Configure(ModelBuilder modelBuilder)
    {
        var message = modelBuilder.Entity<OutboxMessage>();
        message.ToTable(Table);
        message.HasKey(m => m.Id);
        message.Property(m => m.Id).ValueGeneratedNever();
        message.Property(m => m.To).HasMaxLength(254);
        message.Property(m => m.ToName).HasMaxLength(200);
        message.Property(m => m.ReplyTo).HasMaxLength(254);
        message.Property(m => m.Subject).HasMaxLength(1000);
        message.Property(m => m.LastError).HasMaxLength(2000);
        // The dispatcher's question is always "which Pending/Sending rows are due?".
        message.HasIndex(m => new { m.State, m.NextAttemptUtc });
    }
}

/// <summary>The host table of tenants that may have undelivered mail (<see cref="OutboxMarks"/>).</summary>
internal sealed class OutboxHostModel : IModelContributor
{
    public const string Table = "OutboxMarks";

    public DatabaseScope Scope => DatabaseScope.Host;

    public void Configure(ModelBuilder modelBuilder)
    {
        var mark = modelBuilder.Entity<OutboxMark>();
        mark.ToTable(Table);
        mark.HasKey(m => m.TenantName);
        mark.Property(m => m.TenantName).HasMaxLength(63);
    }
}

internal sealed class OutboxHostMigration : DataMigration
{
    public override string Id => "OrchardPortal.Core.Email";

    public override DatabaseScope Scope => DatabaseScope.Host;

    public override IReadOnlyList<Action<MigrationBuilder>> Steps { get; } =
    [
        b => b.CreateTable(
            name: OutboxHostModel.Table,
            columns: c => new
            {
                TenantName = c.Column<string>(maxLength: 63, nullable: false),
                MarkedUtc = c.Column<DateTimeOffset>(nullable: false),
            },
            constraints: t => t.PrimaryKey("PK_OutboxMarks", x => x.TenantName)),
    ];
}

internal sealed class OutboxMigration : DataMigration
{
    public override string Id => "OrchardPortal.Core.Email";

    public override DatabaseScope Scope => DatabaseScope.Tenant;

    public override IReadOnlyList<Action<MigrationBuilder>> Steps { get; } =
    [
        b =>
        {
            b.CreateTable(
                name: OutboxModel.Table,
                columns: c => new
                {
                    Id = c.Column<Guid>(nullable: false),
                    To = c.Column<string>(maxLength: 254, nullable: false),
                    ToName = c.Column<string>(maxLength: 200, nullable: true),
                    ReplyTo = c.Column<string>(maxLength: 254, nullable: true),
                    Subject = c.Column<string>(maxLength: 1000, nullable: false),
                    HtmlBody = c.Column<string>(nullable: false),
                    TextBody = c.Column<string>(nullable: false),
                    CreatedUtc = c.Column<DateTimeOffset>(nullable: false),
                    State = c.Column<int>(nullable: false),
                    Attempts = c.Column<int>(nullable: false),
                    NextAttemptUtc = c.Column<DateTimeOffset>(nullable: false),
                    ClaimedUntil = c.Column<DateTimeOffset>(nullable: true),
                    ClaimToken = c.Column<Guid>(nullable: true),
                    SentUtc = c.Column<DateTimeOffset>(nullable: true),
                    LastError = c.Column<string>(maxLength: 2000, nullable: true),
                },
                constraints: t => t.PrimaryKey("PK_OutboxMessages", x => x.Id));
            b.CreateIndex("IX_OutboxMessages_State_NextAttemptUtc", OutboxModel.Table, ["State", "NextAttemptUtc"]);
        },
    ];
}
