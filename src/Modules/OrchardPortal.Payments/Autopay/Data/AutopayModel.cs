using Microsoft.EntityFrameworkCore;
using OrchardPortal.Core.Data;
using OrchardPortal.Payments.Autopay.Models;
using P = OrchardPortal.Payments.Data.PaymentsModel;

namespace OrchardPortal.Payments.Autopay.Data;

/// <summary>Autopay's tenant tables. <see cref="AutopayMigration"/> must create exactly this shape.</summary>
internal sealed class AutopayModel : IModelContributor
{
    public const int ChargeIdLength = 40;
    public const int TokenLength = 32;
    public const int NumberLength = 64;
    public const int ConsentTextLength = 2000;
    public const int AgentLength = 400;
    public const int AddressLength = 64;
    public const int EmailLength = 320;

    public DatabaseScope Scope => DatabaseScope.Tenant;

    public void Configure(ModelBuilder modelBuilder)
    {
        var consent = modelBuilder.Entity<AutopayConsent>();
        consent.ToTable("AutopayConsents");
        consent.HasKey(c => c.Id);
        consent.Property(c => c.Id).HasMaxLength(P.IdLength);
        consent.Property(c => c.PortalUserEmail).HasMaxLength(EmailLength);
        consent.Property(c => c.Gateway).HasConversion<string>().HasMaxLength(P.EnumLength);
        consent.Property(c => c.MethodId).HasMaxLength(P.IdLength);
        consent.Property(c => c.MethodLabel).HasMaxLength(P.TextLength);
        consent.Property(c => c.MethodKind).HasConversion<string>().HasMaxLength(P.EnumLength);
        consent.Property(c => c.ConsentText).HasMaxLength(ConsentTextLength);
        consent.Property(c => c.IpAddress).HasMaxLength(AddressLength);
        consent.Property(c => c.UserAgent).HasMaxLength(AgentLength);
        consent.Property(c => c.EndedBy).HasMaxLength(EmailLength);
        consent.HasIndex(c => c.CustomerId);

        var enrollment = modelBuilder.Entity<AutopayEnrollment>();
        enrollment.ToTable("AutopayEnrollments");
        enrollment.HasKey(e => e.CustomerId);
        enrollment.Property(e => e.CustomerId).ValueGeneratedNever();
        enrollment.Property(e => e.ConsentId).HasMaxLength(P.IdLength);
        enrollment.Property(e => e.Gateway).HasConversion<string>().HasMaxLength(P.EnumLength);
        enrollment.Property(e => e.MethodId).HasMaxLength(P.IdLength);
        enrollment.Property(e => e.MethodLabel).HasMaxLength(P.TextLength);
        enrollment.Property(e => e.MethodKind).HasConversion<string>().HasMaxLength(P.EnumLength);

        var charge = modelBuilder.Entity<AutopayCharge>();
        charge.ToTable("AutopayCharges");
        charge.HasKey(c => c.Id);
        charge.Property(c => c.Id).HasMaxLength(ChargeIdLength);
        charge.Property(c => c.InvoiceNumber).HasMaxLength(NumberLength);
        charge.Property(c => c.Status).HasConversion<string>().HasMaxLength(P.EnumLength);
        charge.Property(c => c.LeaseToken).HasMaxLength(TokenLength);
        charge.Property(c => c.MethodId).HasMaxLength(P.IdLength);
        charge.Property(c => c.PaymentAttemptId).HasMaxLength(P.IdLength);
        charge.Property(c => c.LastCode).HasMaxLength(P.CodeLength);
        charge.Property(c => c.LastMessage).HasMaxLength(P.MessageLength);
        charge.Property(c => c.Version).IsConcurrencyToken();
        charge.Ignore(c => c.IdempotencyKey);
        charge.HasIndex(c => new { c.Status, c.NextAttemptUtc });
        charge.HasIndex(c => c.CustomerId);
        charge.HasIndex(c => c.InvoiceId);
    }
}
