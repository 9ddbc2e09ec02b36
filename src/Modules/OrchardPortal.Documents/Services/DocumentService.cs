using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using OrchardPortal.Core.Data;
using OrchardPortal.Documents.Data;
using OrchardPortal.Documents.Models;
using OrchardPortal.Documents.Storage;
using OrchardPortal.Documents.Uploads;

namespace OrchardPortal.Documents.Services;

/// <summary>What someone uploads: for whom, under what title, and the file as it arrived.</summary>
public sealed record DocumentUpload(long? CustomerId, string? Title, string? FileName, Stream? Content, long? DeclaredLength, DocumentSource Source, string UploadedBy);

/// <summary>The stored document, or the message for the person who uploaded (and then nothing was stored).</summary>
public sealed record DocumentUploadResult(Document? Document, string? Error, bool TooLarge = false)
{
    public bool Succeeded => Document is not null;

    public static DocumentUploadResult Failed(string error, bool tooLarge = false) => new(null, error, tooLarge);
}

/// <summary>
/// The Documents module's contract: storing, listing, opening and deleting a tenant's documents. It
/// does not decide who may ask; the staff pages and the portal do, and pass the customer they checked.
/// </summary>
public sealed class DocumentService(
    TenantDbContext db, IDocumentStore store, DocumentOptions options, UploadRequestReader reader, TimeProvider clock, ILogger<DocumentService> logger)
{
    public async Task<DocumentUploadResult> UploadAsync(DocumentUpload upload, CancellationToken cancellationToken)
    {
        if (upload.Content is null || string.IsNullOrWhiteSpace(upload.FileName))
        {
            return DocumentUploadResult.Failed("Choose a file to upload.");
        }

        var title = (upload.Title ?? "").Trim();
        if (title.Length == 0)
        {
            return DocumentUploadResult.Failed("Give the document a title, such as “Service agreement 2026”.");
        }

        if (title.Length > DocumentsModel.TitleLength)
        {
            return DocumentUploadResult.Failed($"Keep the title to {DocumentsModel.TitleLength} characters or fewer.");
        }

        var fileName = DocumentFileNames.Sanitize(upload.FileName);
        var bytes = await ReadBoundedAsync(upload.Content, options.MaxUploadBytes, cancellationToken);
        if (bytes is null)
        {
            return DocumentUploadResult.Failed(reader.TooBigMessage(fileName, upload.DeclaredLength), tooLarge: true);
        }

        var inspection = DocumentInspector.Inspect(fileName, bytes);
        if (inspection.Type is not { } type)
        {
            return DocumentUploadResult.Failed(inspection.Error!);
        }

        var stored = await store.SaveAsync(new MemoryStream(bytes, writable: false), cancellationToken);
        var document = new Document
        {
            CustomerId = upload.CustomerId,
            Title = title,
            FileName = fileName,
            ContentType = type.ContentType,
            Length = stored.Length,
            Sha256 = stored.Sha256,
            StorageId = stored.Id,
            Source = upload.Source,
            UploadedBy = Truncate(upload.UploadedBy, DocumentsModel.PersonLength),
            UploadedUtc = clock.GetUtcNow(),
        };
        db.Set<Document>().Add(document);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch
        {
            // The row is what makes a file reachable; without it the bytes must not stay behind.
            db.Entry(document).State = EntityState.Detached;
            await store.DeleteAsync(stored.Id, CancellationToken.None);
            throw;
        }

        return new DocumentUploadResult(document, null);
    }

    /// <summary>What a customer sees: their own documents and the ones for every customer, newest first.</summary>
    public async Task<IReadOnlyList<Document>> ListForCustomerAsync(long customerId, CancellationToken cancellationToken) =>
        Newest(await db.Set<Document>().AsNoTracking()
            .Where(d => d.CustomerId == customerId || d.CustomerId == null)
            .ToListAsync(cancellationToken));

    /// <summary>For staff: every document, or one customer's (with or without the shared ones), or one source.</summary>
    public async Task<IReadOnlyList<Document>> ListAsync(long? customerId, bool includeShared, DocumentSource? source, CancellationToken cancellationToken)
    {
        var query = db.Set<Document>().AsNoTracking();
        if (customerId is { } id)
        {
            query = includeShared ? query.Where(d => d.CustomerId == id || d.CustomerId == null) : query.Where(d => d.CustomerId == id);
        }

        if (source is { } wanted)
        {
            query = query.Where(d => d.Source == wanted);
        }

        // Sorted in memory: SQLite cannot order by DateTimeOffset, and one tenant's documents are few.
        return Newest(await query.ToListAsync(cancellationToken));
    }

    public Task<Document?> FindAsync(long id, CancellationToken cancellationToken) =>
        db.Set<Document>().AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, cancellationToken);

    /// <summary>The document if <paramref name="customerId"/> may see it (theirs or for everyone); otherwise null, as if it did not exist.</summary>
    public Task<Document?> FindForCustomerAsync(long id, long customerId, CancellationToken cancellationToken) =>
        db.Set<Document>().AsNoTracking().FirstOrDefaultAsync(d => d.Id == id && (d.CustomerId == customerId || d.CustomerId == null), cancellationToken);

    public Task<Stream?> OpenReadAsync(Document document, CancellationToken cancellationToken) =>
        store.OpenReadAsync(document.StorageId, cancellationToken);

    /// <summary>Deletes the row, then the bytes; false when there was no such document.</summary>
    public async Task<bool> DeleteAsync(long id, CancellationToken cancellationToken)
    {
        var document = await db.Set<Document>().FirstOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (document is null)
        {
            return false;
        }

        db.Set<Document>().Remove(document);
        await db.SaveChangesAsync(cancellationToken);
        try
        {
            await store.DeleteAsync(document.StorageId, CancellationToken.None);
        }
        catch (IOException exception)
        {
            // Unreachable without its row, so a leftover file is only wasted space; say so in the log.
            logger.LogWarning(exception, "Document {DocumentId}'s file {StorageId} could not be deleted.", document.Id, document.StorageId);
        }

        return true;
    }

    private static List<Document> Newest(List<Document> documents) =>
        [.. documents.OrderByDescending(d => d.UploadedUtc).ThenByDescending(d => d.Id)];

    private static string Truncate(string value, int length) => value.Length <= length ? value : value[..length];

    /// <summary>Reads the whole upload, or returns null as soon as it proves larger than the limit.</summary>
    private static async Task<byte[]?> ReadBoundedAsync(Stream content, long maxBytes, CancellationToken cancellationToken)
    {
        if (content.CanSeek && content.Length - content.Position > maxBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[81_920];
        int read;
        while ((read = await content.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
