using Microsoft.EntityFrameworkCore;
using OrchardPortal.Billing.Models;
using OrchardPortal.Core.Data;

namespace OrchardPortal.Billing.Data;

/// <summary>The Billing module's tenant tables. <see cref="BillingMigration"/> must create exactly this shape.</summary>
internal sealed class BillingModel : IModelContributor
{
    public const int NumberLength = 30;
    public const int NameLength = 150;
    public const int SearchLength = 400;
    public const int PropertyLength = 300;
    public const int CurrencyLength = 3;
    public const int EnumLength = 16;
    public const int NotesLength = 4000;
    public const int DescriptionLength = 500;
    public const int ReferenceLength = 200;
    public const int KeyLength = 200;
    public const int ReasonLength = 500;
    public const int IpLength = 45;
    public const int CounterNameLength = 50;

    public DatabaseScope Scope => DatabaseScope.Tenant;

    public void Configure(ModelBuilder modelBuilder)
    {
        var invoice = modelBuilder.Entity<Invoice>();
        invoice.ToTable("Invoices");
        invoice.HasKey(i => i.Id);
        invoice.Property(i => i.Number).HasMaxLength(NumberLength);
        invoice.Property(i => i.NumberKey).HasMaxLength(NumberLength);
        invoice.Property(i => i.CustomerName).HasMaxLength(NameLength);
        invoice.Property(i => i.SearchText).HasMaxLength(SearchLength);
        invoice.Property(i => i.PropertyText).HasMaxLength(PropertyLength);
        invoice.Property(i => i.Currency).HasMaxLength(CurrencyLength);
        invoice.Property(i => i.Status).HasConversion<string>().HasMaxLength(EnumLength);
        invoice.Property(i => i.VoidReason).HasMaxLength(ReasonLength);
        invoice.Property(i => i.Notes).HasMaxLength(NotesLength);
        invoice.Property(i => i.Version).IsConcurrencyToken();
        invoice.Ignore(i => i.Balance);
        invoice.Ignore(i => i.IsOpenForPayment);
        invoice.HasIndex(i => i.NumberKey).IsUnique();
        invoice.HasIndex(i => new { i.CustomerId, i.IssueDate, i.Id });
        invoice.HasIndex(i => new { i.Status, i.Id });
        invoice.HasMany(i => i.Lines).WithOne().HasForeignKey(l => l.InvoiceId).OnDelete(DeleteBehavior.Cascade);

        var invoiceLine = modelBuilder.Entity<InvoiceLine>();
        invoiceLine.ToTable("InvoiceLines");
        invoiceLine.HasKey(l => l.Id);
        invoiceLine.Property(l => l.Description).HasMaxLength(DescriptionLength);

        var estimate = modelBuilder.Entity<Estimate>();
        estimate.ToTable("Estimates");
        estimate.HasKey(e => e.Id);
        estimate.Property(e => e.Number).HasMaxLength(NumberLength);
        estimate.Property(e => e.NumberKey).HasMaxLength(NumberLength);
        estimate.Property(e => e.CustomerName).HasMaxLength(NameLength);
        estimate.Property(e => e.SearchText).HasMaxLength(SearchLength);
        estimate.Property(e => e.PropertyText).HasMaxLength(PropertyLength);
        estimate.Property(e => e.Currency).HasMaxLength(CurrencyLength);
        estimate.Property(e => e.Status).HasConversion<string>().HasMaxLength(EnumLength);
        estimate.Property(e => e.SignedName).HasMaxLength(NameLength);
        estimate.Property(e => e.DecidedIp).HasMaxLength(IpLength);
        estimate.Property(e => e.DeclineComment).HasMaxLength(ReasonLength);
        estimate.Property(e => e.Notes).HasMaxLength(NotesLength);
        estimate.Property(e => e.Version).IsConcurrencyToken();
        estimate.HasIndex(e => e.NumberKey).IsUnique();
        estimate.HasIndex(e => new { e.CustomerId, e.IssueDate, e.Id });
        estimate.HasIndex(e => new { e.Status, e.Id });
        estimate.HasMany(e => e.Lines).WithOne().HasForeignKey(l => l.EstimateId).OnDelete(DeleteBehavior.Cascade);

        var estimateLine = modelBuilder.Entity<EstimateLine>();
        estimateLine.ToTable("EstimateLines");
        estimateLine.HasKey(l => l.Id);
        estimateLine.Property(l => l.Description).HasMaxLength(DescriptionLength);

        var entry = modelBuilder.Entity<LedgerEntry>();
        entry.ToTable("LedgerEntries");
        entry.HasKey(e => e.Id);
        entry.Property(e => e.Kind).HasConversion<string>().HasMaxLength(EnumLength);
        entry.Property(e => e.Reference).HasMaxLength(ReferenceLength);
        entry.Property(e => e.Description).HasMaxLength(DescriptionLength);
        entry.HasIndex(e => new { e.CustomerId, e.Date, e.Id });

        var payment = modelBuilder.Entity<Payment>();
        payment.ToTable("Payments");
        payment.HasKey(p => p.Id);
        payment.Property(p => p.Currency).HasMaxLength(CurrencyLength);
        payment.Property(p => p.Method).HasConversion<string>().HasMaxLength(EnumLength);
        payment.Property(p => p.ExternalReference).HasMaxLength(ReferenceLength);
        payment.Property(p => p.IdempotencyKey).HasMaxLength(KeyLength);
        payment.Property(p => p.Note).HasMaxLength(ReasonLength);
        payment.Property(p => p.RecordedBy).HasMaxLength(NameLength);
        payment.Property(p => p.Version).IsConcurrencyToken();
        payment.Ignore(p => p.IsOnline);
        payment.HasIndex(p => p.IdempotencyKey).IsUnique();
        payment.HasIndex(p => new { p.CustomerId, p.ReceivedDate });
        payment.HasMany(p => p.Allocations).WithOne().HasForeignKey(a => a.PaymentId).OnDelete(DeleteBehavior.Cascade);

        var allocation = modelBuilder.Entity<PaymentAllocation>();
        allocation.ToTable("PaymentAllocations");
        allocation.HasKey(a => a.Id);
        allocation.HasIndex(a => a.InvoiceId);

        var refund = modelBuilder.Entity<Refund>();
        refund.ToTable("Refunds");
        refund.HasKey(r => r.Id);
        refund.Property(r => r.IdempotencyKey).HasMaxLength(KeyLength);
        refund.Property(r => r.ExternalReference).HasMaxLength(ReferenceLength);
        refund.Property(r => r.Reason).HasMaxLength(ReasonLength);
        refund.HasIndex(r => r.IdempotencyKey).IsUnique();
        refund.HasIndex(r => r.PaymentId);

        var counter = modelBuilder.Entity<BillingCounter>();
        counter.ToTable("BillingCounters");
        counter.HasKey(c => c.Name);
        counter.Property(c => c.Name).HasMaxLength(CounterNameLength);
    }
}

/// <summary>A named sequence (next invoice or estimate number), advanced atomically in SQL.</summary>
internal sealed class BillingCounter
{
    public required string Name { get; set; }

    public long Value { get; set; }
}
