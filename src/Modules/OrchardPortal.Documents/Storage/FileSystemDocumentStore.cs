using System.Security.Cryptography;
using System.Text.RegularExpressions;
using OrchardPortal.Core.Data;
using OrchardPortal.Core.Tenancy;

namespace OrchardPortal.Documents.Storage;

/// <summary>
/// <see cref="IDocumentStore"/> on local disk: <c>App_Data/Sites/{tenant}/documents/{id}</c>. Ids are
/// checked against their shape before any file-system call, and the resolved path must still be inside
/// the tenant's folder, so nothing a request carries can name a file elsewhere.
/// </summary>
public sealed partial class FileSystemDocumentStore(TenantScope scope, ITenantStorage storage) : IDocumentStore
{
    private const int BufferSize = 81_920;

    /// <summary>The tenant's documents folder.</summary>
    public string Root => Path.Combine(storage.GetTenantFilesPath(scope.Required.Name), "documents");

    public async Task<StoredDocument> SaveAsync(Stream content, CancellationToken cancellationToken)
    {
        var id = RandomNumberGenerator.GetHexString(32, lowercase: true);
        var target = FullPath(id);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        // Written beside the target and moved into place: a crash leaves a ".part" file, never a torn document.
        var temporary = target + ".part";
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        long length = 0;
        try
        {
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize, FileOptions.Asynchronous))
            {
                var buffer = new byte[BufferSize];
                int read;
                while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    hash.AppendData(buffer, 0, read);
                    await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                    length += read;
                }

                await file.FlushAsync(cancellationToken);
            }

            File.Move(temporary, target);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }

        return new StoredDocument(id, length, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }

    public Task<Stream?> OpenReadAsync(string id, CancellationToken cancellationToken)
    {
        if (!IsValidId(id))
        {
            return Task.FromResult<Stream?>(null);
        }

        try
        {
            Stream stream = new FileStream(FullPath(id), FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, BufferSize, FileOptions.Asynchronous);
            return Task.FromResult<Stream?>(stream);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return Task.FromResult<Stream?>(null);
        }
    }

    public Task<bool> DeleteAsync(string id, CancellationToken cancellationToken)
    {
        if (!IsValidId(id))
        {
            return Task.FromResult(false);
        }

        var path = FullPath(id);
        if (!File.Exists(path))
        {
            return Task.FromResult(false);
        }

        File.Delete(path);
        return Task.FromResult(true);
    }

    public static bool IsValidId(string? id) => id is not null && IdPattern().IsMatch(id);

    /// <summary>Only called with valid ids; the containment check is a second fence.</summary>
    private string FullPath(string id)
    {
        var root = Path.GetFullPath(Root) + Path.DirectorySeparatorChar;
        var full = Path.GetFullPath(Path.Combine(root, id));
        return full.StartsWith(root, StringComparison.Ordinal) ? full : throw new ArgumentException("Not a document id.", nameof(id));
    }

    [GeneratedRegex("^[0-9a-f]{32}$")]
    private static partial Regex IdPattern();
}
