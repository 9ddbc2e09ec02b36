using Microsoft.EntityFrameworkCore;
using OrchardPortal.Core.Data;
using OrchardPortal.Documents.Models;

namespace OrchardPortal.Documents.Data;

/// <summary>The Documents module's tenant table. <see cref="DocumentsMigration"/> must create exactly this shape.</summary>
internal sealed class DocumentsModel : IModelContributor
{
    public const int TitleLength = 150;
    public const int FileNameLength = 150;
    public const int ContentTypeLength = 100;
    public const int HashLength = 64;
    public const int StorageIdLength = 32;
    public const int EnumLength = 10;
    public const int PersonLength = 150;

    public DatabaseScope Scope => DatabaseScope.Tenant;

    public void Configure(ModelBuilder modelBuilder)
    {
        var document = modelBuilder.Entity<Document>();
        document.ToTable("Documents");
        document.HasKey(d => d.Id);
        document.Property(d => d.Title).HasMaxLength(TitleLength);
        document.Property(d => d.FileName).HasMaxLength(FileNameLength);
        document.Property(d => d.ContentType).HasMaxLength(ContentTypeLength);
        document.Property(d => d.Sha256).HasMaxLength(HashLength);
        document.Property(d => d.StorageId).HasMaxLength(StorageIdLength);
        document.Property(d => d.Source).HasConversion<string>().HasMaxLength(EnumLength);
        document.Property(d => d.UploadedBy).HasMaxLength(PersonLength);
        document.HasIndex(d => new { d.CustomerId, d.UploadedUtc });
        document.HasIndex(d => d.UploadedUtc);
    }
}
