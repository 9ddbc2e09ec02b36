using Microsoft.AspNetCore.Http;
using OrchardPortal.Core.Media;
using OrchardPortal.Documents.Uploads;

namespace OrchardPortal.Messages.Attachments;

/// <summary>A file that passed the checks: its cleaned name, its real type and its bytes.</summary>
public sealed record CheckedAttachment(string FileName, DocumentType Type, byte[] Bytes);

/// <summary>The checked files, or the message for the person who attached them.</summary>
public sealed record AttachmentCheck(IReadOnlyList<CheckedAttachment> Files, string? Error, bool TooLarge = false)
{
    public bool Succeeded => Error is null;
}

/// <summary>
/// Checks a message's attachments with the Documents module's rules (its allow-list, byte sniffing, name
/// cleaning and per-file size limit, <c>Documents:MaxUploadBytes</c>) plus a count limit of our own.
/// Nothing is stored here; the whole message is refused if any file is.
/// </summary>
public sealed class AttachmentReader(DocumentOptions options)
{
    public const int MaxFiles = 3;

    public string MaxSize => FileSystemMediaStore.FormatSize(options.MaxUploadBytes);

    public async Task<AttachmentCheck> CheckAsync(IEnumerable<IFormFile> files, CancellationToken cancellationToken)
    {
        // A file input left empty still posts a nameless, empty part: that is "no file", not an empty file.
        var chosen = files.Where(f => !(string.IsNullOrEmpty(f.FileName) && f.Length == 0)).ToList();
        if (chosen.Count > MaxFiles)
        {
            return new AttachmentCheck([], $"Attach at most {MaxFiles} files to one message. Send the rest in another message.");
        }

        var checkedFiles = new List<CheckedAttachment>();
        foreach (var file in chosen)
        {
            var name = DocumentFileNames.Sanitize(file.FileName);
            await using var content = file.OpenReadStream();
            var bytes = await ReadBoundedAsync(content, options.MaxUploadBytes, cancellationToken);
            if (bytes is null)
            {
                return new AttachmentCheck([], TooBig(name, file.Length), TooLarge: true);
            }

            var inspection = DocumentInspector.Inspect(name, bytes);
            if (inspection.Type is not { } type)
            {
                return new AttachmentCheck([], inspection.Error);
            }

            checkedFiles.Add(new CheckedAttachment(name, type, bytes));
        }

        return new AttachmentCheck(checkedFiles, null);
    }

    /// <summary>"“x.pdf” is 14 MB, and attachments can be at most 10 MB each. …"</summary>
    public string TooBig(string? fileName, long? size = null)
    {
        var what = fileName is null ? "That upload is too big:" : size is > 0 ? $"“{fileName}” is {FileSystemMediaStore.FormatSize(size.Value)}, and" : $"“{fileName}” is too big:";
        return $"{what} attachments can be at most {MaxSize} each. Make it smaller (for example, a lower-resolution photo) and try again.";
    }

    private static async Task<byte[]?> ReadBoundedAsync(Stream content, long maxBytes, CancellationToken cancellationToken)
    {
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
