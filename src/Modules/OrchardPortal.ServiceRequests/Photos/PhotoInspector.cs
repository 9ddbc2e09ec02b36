using OrchardPortal.Documents.Uploads;

namespace OrchardPortal.ServiceRequests.Photos;

/// <summary>
/// Which image a photo really is. The name must carry an image extension, and the type is then decided
/// by the bytes alone, with the Documents module's sniffing (<see cref="DocumentInspector"/>): a PNG a
/// phone saved as ".jpg" is accepted as the PNG it is; a web page named ".jpg" or a PNG named ".exe" is not.
/// </summary>
public static class PhotoInspector
{
    public static IReadOnlyList<DocumentType> Types { get; } = [DocumentTypes.Jpeg, DocumentTypes.Png, DocumentTypes.Heic, DocumentTypes.WebP];

    public const string AllowedList = "JPEG, PNG, HEIC or WebP";

    /// <summary>For the file picker's <c>accept</c> attribute (a hint only; the server decides).</summary>
    public static string Accept { get; } = string.Join(",", Types.SelectMany(t => t.Extensions).Select(e => "." + e));

    public static DocumentInspection Inspect(string displayName, ReadOnlySpan<byte> data)
    {
        if (data.IsEmpty)
        {
            return DocumentInspection.Failed($"“{displayName}” is empty. Choose the photo again and retry.");
        }

        var extension = Path.GetExtension(displayName).TrimStart('.').ToLowerInvariant();
        if (!Types.Any(t => t.Extensions.Contains(extension, StringComparer.Ordinal)))
        {
            return DocumentInspection.Failed($"“{displayName}” isn't a photo we can accept. Attach {AllowedList} photos.");
        }

        foreach (var type in Types)
        {
            if (DocumentInspector.Inspect("photo." + type.Extensions[0], data).Type is not null)
            {
                return new DocumentInspection(type, null);
            }
        }

        return DocumentInspection.Failed($"“{displayName}” is named like a photo, but its contents are not a {AllowedList} image. Save it again as a photo and retry.");
    }
}
