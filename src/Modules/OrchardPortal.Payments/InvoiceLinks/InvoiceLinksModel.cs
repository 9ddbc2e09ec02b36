using Microsoft.EntityFrameworkCore;
using OrchardPortal.Core.Data;
using OrchardPortal.Payments.Data;

namespace OrchardPortal.Payments.InvoiceLinks;

/// <summary>The invoice links table. Kept apart from <see cref="PaymentsModel"/> (with its own migration) so this use case owns its schema.</summary>
internal sealed class InvoiceLinksModel : IModelContributor
{
    public DatabaseScope Scope => DatabaseScope.Tenant;

    public void Configure(ModelBuilder modelBuilder)
    {
        var link = modelBuilder.Entity<InvoiceLink>();
        link.ToTable("PaymentInvoiceLinks");
        link.HasKey(l => l.Id);
        link.Property(l => l.TokenHash).HasMaxLength(PaymentsModel.HashLength);
        link.Property(l => l.SentTo).HasMaxLength(PaymentsModel.KeyLength);
        link.HasIndex(l => l.TokenHash).IsUnique();
        link.HasIndex(l => l.InvoiceId);
    }
}
