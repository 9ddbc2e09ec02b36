using Microsoft.EntityFrameworkCore;
using OrchardPortal.Core.Data;
using OrchardPortal.Messages.Models;

namespace OrchardPortal.Messages.Data;

/// <summary>The Messages module's tenant tables. <see cref="MessagesMigration"/> must create exactly this shape.</summary>
internal sealed class MessagesModel : IModelContributor
{
    public const int TitleLength = 150;
    public const int BodyLength = 4000;
    public const int PersonLength = 150;
    public const int EnumLength = 20;
    public const int FileNameLength = 150;
    public const int ContentTypeLength = 100;
    public const int HashLength = 64;
    public const int StorageIdLength = 32;

    public DatabaseScope Scope => DatabaseScope.Tenant;

    public void Configure(ModelBuilder modelBuilder)
    {
        var thread = modelBuilder.Entity<MessageThread>();
        thread.ToTable("MessageThreads");
        thread.HasKey(t => t.Id);
        thread.Property(t => t.Title).HasMaxLength(TitleLength);
        thread.Property(t => t.SubjectKind).HasConversion<string>().HasMaxLength(EnumLength);
        thread.Property(t => t.StartedBy).HasConversion<string>().HasMaxLength(EnumLength);
        thread.Ignore(t => t.IsClosed);
        thread.HasIndex(t => new { t.CustomerId, t.LastMessageId });
        thread.HasIndex(t => t.LastMessageId);

        var message = modelBuilder.Entity<Message>();
        message.ToTable("Messages");
        message.HasKey(m => m.Id);
        message.Property(m => m.AuthorKind).HasConversion<string>().HasMaxLength(EnumLength);
        message.Property(m => m.AuthorName).HasMaxLength(PersonLength);
        message.Property(m => m.Body).HasMaxLength(BodyLength);
        message.HasIndex(m => new { m.ThreadId, m.Id });
        message.HasIndex(m => new { m.CustomerId, m.AuthorKind });

        var attachment = modelBuilder.Entity<MessageAttachment>();
        attachment.ToTable("MessageAttachments");
        attachment.HasKey(a => a.Id);
        attachment.Property(a => a.FileName).HasMaxLength(FileNameLength);
        attachment.Property(a => a.ContentType).HasMaxLength(ContentTypeLength);
        attachment.Property(a => a.Sha256).HasMaxLength(HashLength);
        attachment.Property(a => a.StorageId).HasMaxLength(StorageIdLength);
        attachment.HasIndex(a => a.MessageId);
        attachment.HasIndex(a => a.ThreadId);
    }
}
