using Microsoft.EntityFrameworkCore;
using OrchardPortal.Core.Data;
using OrchardPortal.Payments.Attempts;
using OrchardPortal.Payments.Gateways.Sandbox;
using OrchardPortal.Payments.Webhooks;

namespace OrchardPortal.Payments.Data;

/// <summary>The Payments module's tenant tables. <see cref="PaymentsMigration"/> must create exactly this shape.</summary>
internal sealed class PaymentsModel : IModelContributor
{
    public const int IdLength = 64;
    public const int KeyLength = 255;
    public const int EnumLength = 20;
    public const int CurrencyLength = 3;
    public const int CodeLength = 60;
    public const int MessageLength = 500;
    public const int TextLength = 100;
    public const int HashLength = 64;

    public DatabaseScope Scope => DatabaseScope.Tenant;

    public void Configure(ModelBuilder modelBuilder)
    {
        var attempt = modelBuilder.Entity<PaymentAttempt>();
        attempt.ToTable("PaymentAttempts");
        attempt.HasKey(a => a.Id);
        attempt.Property(a => a.Id).HasMaxLength(IdLength);
        attempt.Property(a => a.IdempotencyKey).HasMaxLength(KeyLength);
        attempt.Property(a => a.Gateway).HasConversion<string>().HasMaxLength(EnumLength);
        attempt.Property(a => a.MethodKind).HasConversion<string>().HasMaxLength(EnumLength);
        attempt.Property(a => a.GatewayPaymentId).HasMaxLength(IdLength);
        attempt.Property(a => a.Currency).HasMaxLength(CurrencyLength);
        attempt.Property(a => a.Status).HasConversion<string>().HasMaxLength(EnumLength);
        attempt.Property(a => a.FailureCode).HasMaxLength(CodeLength);
        attempt.Property(a => a.FailureMessage).HasMaxLength(MessageLength);
        attempt.Property(a => a.MethodDescription).HasMaxLength(TextLength);
        attempt.Property(a => a.Version).IsConcurrencyToken();
        attempt.HasIndex(a => a.IdempotencyKey).IsUnique();
        attempt.HasIndex(a => a.GatewayPaymentId);
        attempt.HasIndex(a => new { a.CustomerId, a.Status });

        var customer = modelBuilder.Entity<GatewayCustomer>();
        customer.ToTable("PaymentGatewayCustomers");
        customer.HasKey(c => new { c.CustomerId, c.Gateway, c.Mode });
        customer.Property(c => c.Gateway).HasConversion<string>().HasMaxLength(EnumLength);
        customer.Property(c => c.Mode).HasMaxLength(EnumLength);
        customer.Property(c => c.ExternalId).HasMaxLength(IdLength);

        var webhook = modelBuilder.Entity<WebhookEvent>();
        webhook.ToTable("PaymentWebhookEvents");
        webhook.HasKey(e => e.EventId);
        webhook.Property(e => e.EventId).HasMaxLength(IdLength);
        webhook.Property(e => e.Type).HasMaxLength(TextLength);
        webhook.Property(e => e.ObjectId).HasMaxLength(IdLength);

        var payment = modelBuilder.Entity<SandboxPayment>();
        payment.ToTable("SandboxPayments");
        payment.HasKey(p => p.Id);
        payment.Property(p => p.Id).HasMaxLength(IdLength);
        payment.Property(p => p.GatewayCustomerId).HasMaxLength(IdLength);
        payment.Property(p => p.MethodId).HasMaxLength(IdLength);
        payment.Property(p => p.Kind).HasConversion<string>().HasMaxLength(EnumLength);
        payment.Property(p => p.Currency).HasMaxLength(CurrencyLength);
        payment.Property(p => p.Status).HasConversion<string>().HasMaxLength(EnumLength);
        payment.Property(p => p.FailureCode).HasMaxLength(CodeLength);
        payment.Property(p => p.ClientSecret).HasMaxLength(IdLength);

        var method = modelBuilder.Entity<SandboxMethod>();
        method.ToTable("SandboxMethods");
        method.HasKey(m => m.Id);
        method.Property(m => m.Id).HasMaxLength(IdLength);
        method.Property(m => m.GatewayCustomerId).HasMaxLength(IdLength);
        method.Property(m => m.Kind).HasConversion<string>().HasMaxLength(EnumLength);
        method.Property(m => m.Brand).HasMaxLength(TextLength);
        method.Property(m => m.Last4).HasMaxLength(4);
        method.Property(m => m.Behaviour).HasConversion<string>().HasMaxLength(EnumLength);
        method.HasIndex(m => m.GatewayCustomerId);

        var request = modelBuilder.Entity<SandboxRequest>();
        request.ToTable("SandboxRequests");
        request.HasKey(r => r.IdempotencyKey);
        request.Property(r => r.IdempotencyKey).HasMaxLength(KeyLength);
        request.Property(r => r.RequestHash).HasMaxLength(HashLength);
    }
}
