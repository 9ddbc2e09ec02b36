using Microsoft.EntityFrameworkCore;
using OrchardPortal.Core.Data;
using OrchardPortal.Emails.Models;

namespace OrchardPortal.Emails.Data;

/// <summary>The Emails module's tenant table. <see cref="EmailsMigration"/> must create exactly this shape.</summary>
internal sealed class EmailsModel : IModelContributor
{
    public const string Table = "EmailTemplates";
    public const int KeyLength = 50;
    public const int SubjectLength = 1000;
    public const int PersonLength = 254;
    public const int ErrorLength = 2000;

    public DatabaseScope Scope => DatabaseScope.Tenant;

    public void Configure(ModelBuilder modelBuilder)
    {
        var template = modelBuilder.Entity<EmailTemplate>();
        template.ToTable(Table);
        template.HasKey(t => t.Key);
        template.Property(t => t.Key).HasMaxLength(KeyLength);
        template.Property(t => t.Subject).HasMaxLength(SubjectLength);
        template.Property(t => t.UpdatedBy).HasMaxLength(PersonLength);
        template.Property(t => t.LastError).HasMaxLength(ErrorLength);
    }
}
