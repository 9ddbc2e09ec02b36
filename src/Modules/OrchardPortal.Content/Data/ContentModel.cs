using Microsoft.EntityFrameworkCore;
using OrchardPortal.Content.Models;
using OrchardPortal.Core.Data;

namespace OrchardPortal.Content.Data;

/// <summary>The Content module's tenant tables. <see cref="ContentMigration"/> must create exactly this shape.</summary>
internal sealed class ContentModel : IModelContributor
{
    public const int KeyLength = 40;
    public const int AuthorLength = 100;

    public DatabaseScope Scope => DatabaseScope.Tenant;

    public void Configure(ModelBuilder modelBuilder)
    {
        var page = modelBuilder.Entity<ContentPage>();
        page.ToTable("ContentPages");
        page.HasKey(p => p.Key);
        page.Property(p => p.Key).HasMaxLength(KeyLength);
        page.Property(p => p.DraftSavedBy).HasMaxLength(AuthorLength);

        var version = modelBuilder.Entity<ContentVersion>();
        version.ToTable("ContentVersions");
        version.HasKey(v => v.Id);
        version.Property(v => v.PageKey).HasMaxLength(KeyLength);
        version.Property(v => v.PublishedBy).HasMaxLength(AuthorLength);
        version.HasIndex(v => new { v.PageKey, v.Number }).IsUnique();
    }
}
