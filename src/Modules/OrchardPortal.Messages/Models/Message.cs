namespace OrchardPortal.Messages.Models;

/// <summary>
/// One message in a <see cref="MessageThread"/>. The body is plain text exactly as typed; it is only ever
/// printed escaped (pages and HTML emails), so nobody can put markup into the other side's screen.
/// </summary>
public sealed class Message
{
    public long Id { get; set; }

    public long ThreadId { get; set; }

    /// <summary>The thread's customer, repeated so ownership is checked on the message itself.</summary>
    public long CustomerId { get; set; }

    public MessageAuthorKind AuthorKind { get; set; }

    /// <summary>The portal user who wrote it (customer side).</summary>
    public long? AuthorPortalUserId { get; set; }

    /// <summary>The staff user who wrote it (office side).</summary>
    public long? AuthorStaffUserId { get; set; }

    /// <summary>The author's name as it was when they wrote.</summary>
    public required string AuthorName { get; set; }

    public required string Body { get; set; }

    public DateTimeOffset CreatedUtc { get; set; }
}

/// <summary>
/// A file attached to a message. The bytes live in the Documents module's <c>IDocumentStore</c> under
/// <see cref="StorageId"/>; this row is what ownership is checked against.
/// </summary>
public sealed class MessageAttachment
{
    public long Id { get; set; }

    public long MessageId { get; set; }

    public long ThreadId { get; set; }

    public long CustomerId { get; set; }

    /// <summary>The uploaded name, cleaned for display and the download header.</summary>
    public required string FileName { get; set; }

    /// <summary>Decided from the bytes and the allow-list, never taken from the browser.</summary>
    public required string ContentType { get; set; }

    public long Length { get; set; }

    public required string Sha256 { get; set; }

    public required string StorageId { get; set; }
}
