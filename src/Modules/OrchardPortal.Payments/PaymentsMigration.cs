using Microsoft.EntityFrameworkCore.Migrations;
using OrchardPortal.Core.Data;
using M = OrchardPortal.Payments.Data.PaymentsModel;

namespace OrchardPortal.Payments;

/// <summary>The Payments module's schema history (append-only; see <see cref="DataMigration"/>).</summary>
internal sealed class PaymentsMigration : DataMigration
{
    public override string Id => "OrchardPortal.Payments";

    public override DatabaseScope Scope => DatabaseScope.Tenant;

    public override IReadOnlyList<Action<MigrationBuilder>> Steps { get; } =
    [
        b =>
        {
            b.CreateTable(
                name: "PaymentAttempts",
                columns: c => new
                {
                    Id = c.Column<string>(maxLength: M.IdLength, nullable: false),
                    IdempotencyKey = c.Column<string>(maxLength: M.KeyLength, nullable: false),
                    CustomerId = c.Column<long>(nullable: false),
                    Gateway = c.Column<string>(maxLength: M.EnumLength, nullable: false),
                    MethodKind = c.Column<string>(maxLength: M.EnumLength, nullable: false),
                    GatewayPaymentId = c.Column<string>(maxLength: M.IdLength, nullable: true),
                    Amount = c.Column<long>(nullable: false),
                    Currency = c.Column<string>(maxLength: M.CurrencyLength, nullable: false),
                    AllocationsJson = c.Column<string>(nullable: false),
                    OffSession = c.Column<bool>(nullable: false),
                    Status = c.Column<string>(maxLength: M.EnumLength, nullable: false),
                    FailureCode = c.Column<string>(maxLength: M.CodeLength, nullable: true),
                    FailureMessage = c.Column<string>(maxLength: M.MessageLength, nullable: true),
                    MethodDescription = c.Column<string>(maxLength: M.TextLength, nullable: true),
                    CreatedUtc = c.Column<DateTimeOffset>(nullable: false),
                    UpdatedUtc = c.Column<DateTimeOffset>(nullable: false),
                    RecordedUtc = c.Column<DateTimeOffset>(nullable: true),
                    Version = c.Column<int>(nullable: false),
                },
                constraints: t => t.PrimaryKey("PK_PaymentAttempts", x => x.Id));
            b.CreateIndex("IX_PaymentAttempts_IdempotencyKey", "PaymentAttempts", "IdempotencyKey", unique: true);
            b.CreateIndex("IX_PaymentAttempts_GatewayPaymentId", "PaymentAttempts", "GatewayPaymentId");
            b.CreateIndex("IX_PaymentAttempts_CustomerId_Status", "PaymentAttempts", ["CustomerId", "Status"]);

            b.CreateTable(
                name: "PaymentGatewayCustomers",
                columns: c => new
                {
                    CustomerId = c.Column<long>(nullable: false),
                    Gateway = c.Column<string>(maxLength: M.EnumLength, nullable: false),
                    Mode = c.Column<string>(maxLength: M.EnumLength, nullable: false),
                    ExternalId = c.Column<string>(maxLength: M.IdLength, nullable: false),
                },
                constraints: t => t.PrimaryKey("PK_PaymentGatewayCustomers", x => new { x.CustomerId, x.Gateway, x.Mode }));

            b.CreateTable(
                name: "PaymentWebhookEvents",
                columns: c => new
                {
                    EventId = c.Column<string>(maxLength: M.IdLength, nullable: false),
                    Type = c.Column<string>(maxLength: M.TextLength, nullable: false),
                    ObjectId = c.Column<string>(maxLength: M.IdLength, nullable: true),
                    ReceivedUtc = c.Column<DateTimeOffset>(nullable: false),
                },
                constraints: t => t.PrimaryKey("PK_PaymentWebhookEvents", x => x.EventId));

            b.CreateTable(
                name: "SandboxPayments",
                columns: c => new
                {
                    Id = c.Column<string>(maxLength: M.IdLength, nullable: false),
                    GatewayCustomerId = c.Column<string>(maxLength: M.IdLength, nullable: false),
                    MethodId = c.Column<string>(maxLength: M.IdLength, nullable: false),
                    Kind = c.Column<string>(maxLength: M.EnumLength, nullable: false),
                    Amount = c.Column<long>(nullable: false),
                    Currency = c.Column<string>(maxLength: M.CurrencyLength, nullable: false),
                    Status = c.Column<string>(maxLength: M.EnumLength, nullable: false),
                    FailureCode = c.Column<string>(maxLength: M.CodeLength, nullable: true),
                    ClientSecret = c.Column<string>(maxLength: M.IdLength, nullable: false),
                    SettlesUtc = c.Column<DateTimeOffset>(nullable: true),
                    AmountRefunded = c.Column<long>(nullable: false),
                    CreatedUtc = c.Column<DateTimeOffset>(nullable: false),
                },
                constraints: t => t.PrimaryKey("PK_SandboxPayments", x => x.Id));

            b.CreateTable(
                name: "SandboxMethods",
                columns: c => new
                {
                    Id = c.Column<string>(maxLength: M.IdLength, nullable: false),
                    GatewayCustomerId = c.Column<string>(maxLength: M.IdLength, nullable: true),
                    Kind = c.Column<string>(maxLength: M.EnumLength, nullable: false),
                    Brand = c.Column<string>(maxLength: M.TextLength, nullable: false),
                    Last4 = c.Column<string>(maxLength: 4, nullable: false),
                    ExpMonth = c.Column<int>(nullable: true),
                    ExpYear = c.Column<int>(nullable: true),
                    Behaviour = c.Column<string>(maxLength: M.EnumLength, nullable: false),
                    IsDefault = c.Column<bool>(nullable: false),
                    CreatedUtc = c.Column<DateTimeOffset>(nullable: false),
                },
                constraints: t => t.PrimaryKey("PK_SandboxMethods", x => x.Id));
            b.CreateIndex("IX_SandboxMethods_GatewayCustomerId", "SandboxMethods", "GatewayCustomerId");

            b.CreateTable(
                name: "SandboxRequests",
                columns: c => new
                {
                    IdempotencyKey = c.Column<string>(maxLength: M.KeyLength, nullable: false),
                    RequestHash = c.Column<string>(maxLength: M.HashLength, nullable: false),
                    ResponseJson = c.Column<string>(nullable: false),
                    CreatedUtc = c.Column<DateTimeOffset>(nullable: false),
                },
                constraints: t => t.PrimaryKey("PK_SandboxRequests", x => x.IdempotencyKey));
        },
    ];
}
