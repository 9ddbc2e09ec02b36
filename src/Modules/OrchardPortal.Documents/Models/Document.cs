namespace OrchardPortal.Documents.Models;

/// <summary>
/// A file shared between the company and its customers. The bytes live in <see cref="Storage.IDocumentStore"/>
/// under <see cref="StorageId"/>; this row is what people see and what ownership is checked against.
/// </summary>
public sealed class Document
{
    public long Id { get; set; }

    /// <summary>The customer it belongs to; null means every customer of the tenant sees it.</summary>
    public long? CustomerId { get; set; }

    public required string Title { get; set; }

    /// <summary>The uploaded file's name, already made safe for display and the download header.</summary>
    public required string FileName { get; set; }

    /// <summary>Decided by us from the bytes and the allow-list, never taken from the browser.</summary>
    public required string ContentType { get; set; }

    public long Length { get; set; }

    /// <summary>Lower-case hex SHA-256 of the stored bytes.</summary>
    public required string Sha256 { get; set; }

    /// <summary>Our generated id of the stored bytes (never the uploaded name).</summary>
    public required string StorageId { get; set; }

    public DocumentSource Source { get; set; }

    /// <summary>The staff member's or portal user's name, as it was when they uploaded.</summary>
    public required string UploadedBy { get; set; }

    public DateTimeOffset UploadedUtc { get; set; }
}

/// <summary>Who put the document in the portal.</summary>
public enum DocumentSource
{
    Staff,
    Customer,
}
