using Microsoft.EntityFrameworkCore;
using OrchardPortal.Core.Data;
using OrchardPortal.ServiceRequests.Models;

namespace OrchardPortal.ServiceRequests.Data;

/// <summary>The module's tenant tables. <see cref="ServiceRequestsMigration"/> must create exactly this shape.</summary>
internal sealed class ServiceRequestsModel : IModelContributor
{
    public const int NameLength = 100;
    public const int DescriptionLength = 500;
    public const int TextLength = 2000;
    public const int LabelLength = 300;
    public const int PersonLength = 150;
    public const int EmailLength = 254;
    public const int CurrencyLength = 3;
    public const int EnumLength = 12;
    public const int FileNameLength = 150;
    public const int ContentTypeLength = 100;
    public const int HashLength = 64;
    public const int StorageIdLength = 32;

    public DatabaseScope Scope => DatabaseScope.Tenant;

    public void Configure(ModelBuilder modelBuilder)
    {
        var item = modelBuilder.Entity<ServiceCatalogItem>();
        item.ToTable("ServiceCatalogItems");
        item.HasKey(i => i.Id);
        item.Property(i => i.Name).HasMaxLength(NameLength);
        item.Property(i => i.Description).HasMaxLength(DescriptionLength);
        item.HasIndex(i => i.Position);

        var request = modelBuilder.Entity<ServiceRequest>();
        request.ToTable("ServiceRequests");
        request.HasKey(r => r.Id);
        request.Property(r => r.CustomerName).HasMaxLength(LabelLength);
        request.Property(r => r.ServiceName).HasMaxLength(NameLength);
        request.Property(r => r.Currency).HasMaxLength(CurrencyLength);
        request.Property(r => r.Description).HasMaxLength(TextLength);
        request.Property(r => r.PropertyText).HasMaxLength(LabelLength);
        request.Property(r => r.PreferredTime).HasConversion<string>().HasMaxLength(EnumLength);
        request.Property(r => r.Notes).HasMaxLength(TextLength);
        request.Property(r => r.Status).HasConversion<string>().HasMaxLength(EnumLength);
        request.Property(r => r.SubmittedBy).HasMaxLength(PersonLength);
        request.Property(r => r.SubmitterEmail).HasMaxLength(EmailLength);
        request.Property(r => r.Version).IsConcurrencyToken();
        request.HasMany(r => r.Photos).WithOne().HasForeignKey(p => p.ServiceRequestId).OnDelete(DeleteBehavior.Cascade);
        request.HasMany(r => r.Updates).WithOne().HasForeignKey(u => u.ServiceRequestId).OnDelete(DeleteBehavior.Cascade);
        request.HasIndex(r => r.CustomerId);
        request.HasIndex(r => r.Status);

        var photo = modelBuilder.Entity<ServiceRequestPhoto>();
        photo.ToTable("ServiceRequestPhotos");
        photo.HasKey(p => p.Id);
        photo.Property(p => p.FileName).HasMaxLength(FileNameLength);
        photo.Property(p => p.ContentType).HasMaxLength(ContentTypeLength);
        photo.Property(p => p.Sha256).HasMaxLength(HashLength);
        photo.Property(p => p.StorageId).HasMaxLength(StorageIdLength);

        var update = modelBuilder.Entity<ServiceRequestUpdate>();
        update.ToTable("ServiceRequestUpdates");
        update.HasKey(u => u.Id);
        update.Property(u => u.Status).HasConversion<string>().HasMaxLength(EnumLength);
        update.Property(u => u.Message).HasMaxLength(TextLength);
        update.Property(u => u.StaffName).HasMaxLength(PersonLength);

        var note = modelBuilder.Entity<ServiceNote>();
        note.ToTable("ServiceNotes");
        note.HasKey(n => n.Id);
        note.Ignore(n => n.IsAnswered);
        note.Property(n => n.CustomerName).HasMaxLength(LabelLength);
        note.Property(n => n.PropertyText).HasMaxLength(LabelLength);
        note.Property(n => n.VisitText).HasMaxLength(LabelLength);
        note.Property(n => n.Body).HasMaxLength(TextLength);
        note.Property(n => n.SubmittedBy).HasMaxLength(PersonLength);
        note.Property(n => n.SubmitterEmail).HasMaxLength(EmailLength);
        note.Property(n => n.Answer).HasMaxLength(TextLength);
        note.Property(n => n.AnsweredBy).HasMaxLength(PersonLength);
        note.HasIndex(n => n.CustomerId);
        note.HasIndex(n => n.AnsweredUtc);
    }
}
