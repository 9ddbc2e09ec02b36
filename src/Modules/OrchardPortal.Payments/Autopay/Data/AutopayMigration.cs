using Microsoft.EntityFrameworkCore.Migrations;
using OrchardPortal.Core.Data;
using A = OrchardPortal.Payments.Autopay.Data.AutopayModel;
using P = OrchardPortal.Payments.Data.PaymentsModel;

namespace OrchardPortal.Payments.Autopay.Data;

/// <summary>
/// Autopay's schema history (append-only; see <see cref="DataMigration"/>). Its own history rather than a step
/// in <see cref="PaymentsMigration"/>, so the payment features built in parallel never contend for step numbers.
/// </summary>
internal sealed class AutopayMigration : DataMigration
{
    public override string Id => "OrchardPortal.Payments.Autopay";

    public override DatabaseScope Scope => DatabaseScope.Tenant;

    public override IReadOnlyList<Action<MigrationBuilder>> Steps { get; } =
    [
        b =>
        {
            b.CreateTable(
                name: "AutopayConsents",
                columns: c => new
                {
                    Id = c.Column<string>(maxLength: P.IdLength, nullable: false),
                    CustomerId = c.Column<long>(nullable: false),
                    PortalUserId = c.Column<long>(nullable: true),
                    PortalUserEmail = c.Column<string>(maxLength: A.EmailLength, nullable: true),
                    Gateway = c.Column<string>(maxLength: P.EnumLength, nullable: false),
                    MethodId = c.Column<string>(maxLength: P.IdLength, nullable: false),
                    MethodLabel = c.Column<string>(maxLength: P.TextLength, nullable: false),
                    MethodKind = c.Column<string>(maxLength: P.EnumLength, nullable: false),
                    ConsentText = c.Column<string>(maxLength: A.ConsentTextLength, nullable: false),
                    IpAddress = c.Column<string>(maxLength: A.AddressLength, nullable: true),
                    UserAgent = c.Column<string>(maxLength: A.AgentLength, nullable: true),
                    GivenUtc = c.Column<DateTimeOffset>(nullable: false),
                    EndedUtc = c.Column<DateTimeOffset>(nullable: true),
                    EndedBy = c.Column<string>(maxLength: A.EmailLength, nullable: true),
                },
                constraints: t => t.PrimaryKey("PK_AutopayConsents", x => x.Id));
            b.CreateIndex("IX_AutopayConsents_CustomerId", "AutopayConsents", "CustomerId");

            b.CreateTable(
                name: "AutopayEnrollments",
                columns: c => new
                {
                    CustomerId = c.Column<long>(nullable: false),
                    ConsentId = c.Column<string>(maxLength: P.IdLength, nullable: false),
                    Gateway = c.Column<string>(maxLength: P.EnumLength, nullable: false),
                    MethodId = c.Column<string>(maxLength: P.IdLength, nullable: false),
                    MethodLabel = c.Column<string>(maxLength: P.TextLength, nullable: false),
                    MethodKind = c.Column<string>(maxLength: P.EnumLength, nullable: false),
                    EnabledUtc = c.Column<DateTimeOffset>(nullable: false),
                },
                constraints: t => t.PrimaryKey("PK_AutopayEnrollments", x => x.CustomerId));

            b.CreateTable(
                name: "AutopayCharges",
                columns: c => new
                {
                    Id = c.Column<string>(maxLength: A.ChargeIdLength, nullable: false),
                    CustomerId = c.Column<long>(nullable: false),
                    InvoiceId = c.Column<long>(nullable: false),
                    InvoiceNumber = c.Column<string>(maxLength: A.NumberLength, nullable: false),
                    DueDate = c.Column<DateOnly>(nullable: false),
                    Status = c.Column<string>(maxLength: P.EnumLength, nullable: false),
                    Attempts = c.Column<int>(nullable: false),
                    NextAttemptUtc = c.Column<DateTimeOffset>(nullable: false),
                    LeaseToken = c.Column<string>(maxLength: A.TokenLength, nullable: true),
                    LeaseUntilUtc = c.Column<DateTimeOffset>(nullable: true),
                    Amount = c.Column<long>(nullable: false),
                    MethodId = c.Column<string>(maxLength: P.IdLength, nullable: true),
                    PaymentAttemptId = c.Column<string>(maxLength: P.IdLength, nullable: true),
                    LastCode = c.Column<string>(maxLength: P.CodeLength, nullable: true),
                    LastMessage = c.Column<string>(maxLength: P.MessageLength, nullable: true),
                    LastRunUtc = c.Column<DateTimeOffset>(nullable: true),
                    AcknowledgedUtc = c.Column<DateTimeOffset>(nullable: true),
                    CreatedUtc = c.Column<DateTimeOffset>(nullable: false),
                    UpdatedUtc = c.Column<DateTimeOffset>(nullable: false),
                    Version = c.Column<int>(nullable: false),
                },
                constraints: t => t.PrimaryKey("PK_AutopayCharges", x => x.Id));
            b.CreateIndex("IX_AutopayCharges_Status_NextAttemptUtc", "AutopayCharges", ["Status", "NextAttemptUtc"]);
            b.CreateIndex("IX_AutopayCharges_CustomerId", "AutopayCharges", "CustomerId");
            b.CreateIndex("IX_AutopayCharges_InvoiceId", "AutopayCharges", "InvoiceId");
        },
    ];
}
