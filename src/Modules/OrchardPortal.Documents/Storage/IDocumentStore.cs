namespace OrchardPortal.Documents.Storage;

/// <summary>
/// Where the current tenant's document bytes live. Today a folder on disk per tenant; a later issue can
/// back it with PostgreSQL or object storage without touching callers. Ids are ours (random), so an
/// uploaded name never reaches the storage layer, and the tenant comes from the scope, so one tenant's
/// store cannot even name another tenant's files.
/// </summary>
public interface IDocumentStore
{
    /// <summary>Stores <paramref name="content"/> under a new id; a reader never sees a half-written file.</summary>
    Task<StoredDocument> SaveAsync(Stream content, CancellationToken cancellationToken);

    /// <summary>Opens the stored bytes, or null when this tenant has no file with that id.</summary>
    Task<Stream?> OpenReadAsync(string id, CancellationToken cancellationToken);

    /// <summary>Removes the stored bytes; true when they existed.</summary>
    Task<bool> DeleteAsync(string id, CancellationToken cancellationToken);
}

/// <summary>What was stored: our id, the size and the lower-case hex SHA-256 of the bytes.</summary>
public sealed record StoredDocument(string Id, long Length, string Sha256);
