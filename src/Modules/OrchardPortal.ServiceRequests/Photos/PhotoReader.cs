using OrchardPortal.Core.Media;
using OrchardPortal.Documents.Uploads;
using OrchardPortal.ServiceRequests.Requests;

namespace OrchardPortal.ServiceRequests.Photos;

/// <summary>A photo that passed every check: its cleaned name, the type its bytes prove, the bytes.</summary>
public sealed record CheckedPhoto(string FileName, string ContentType, byte[] Bytes);

/// <summary>Reads and checks attached photos against the count, size and type limits; the first problem becomes the "Photos" message.</summary>
public static class PhotoReader
{
    public static async Task<(IReadOnlyList<CheckedPhoto> Photos, bool TooLarge)> ReadAsync(
        IReadOnlyList<UploadedPhoto> uploads, PhotoOptions options, Dictionary<string, string> errors, CancellationToken cancellationToken)
    {
        // Browsers send an empty, nameless part for a file input left empty: that is "no photo", not an empty photo.
        var attached = uploads.Where(u => !(string.IsNullOrEmpty(u.FileName) && u.Length == 0)).ToList();
        if (attached.Count > options.MaxPhotos)
        {
            errors["Photos"] = $"You attached {attached.Count} photos; a request can have at most {options.MaxPhotos}. Choose your best ones and send again.";
            return ([], false);
        }

        var photos = new List<CheckedPhoto>();
        foreach (var upload in attached)
        {
            var name = DocumentFileNames.Sanitize(upload.FileName);
            await using var stream = upload.Open();
            var bytes = await ReadBoundedAsync(stream, options.MaxPhotoBytes, cancellationToken);
            if (bytes is null)
            {
                errors["Photos"] = TooBigMessage(options, name, upload.Length);
                return ([], true);
            }

            var inspection = PhotoInspector.Inspect(name, bytes);
            if (inspection.Type is not { } type)
            {
                errors["Photos"] = inspection.Error!;
                return ([], false);
            }

            photos.Add(new CheckedPhoto(name, type.ContentType, bytes));
        }

        return (photos, false);
    }

    /// <summary>"“yard.jpg” is 14 MB, and photos can be at most 10 MB each…", or without a name when the request itself was too big.</summary>
    public static string TooBigMessage(PhotoOptions options, string? fileName, long? size = null)
    {
        var what = fileName is null ? "Those photos are too big:" : size is > 0 ? $"“{fileName}” is {FileSystemMediaStore.FormatSize(size.Value)}, and" : $"“{fileName}” is too big:";
        return $"{what} photos can be at most {FileSystemMediaStore.FormatSize(options.MaxPhotoBytes)} each, and {options.MaxPhotos} per request. Send smaller photos (most phones can share a smaller size) and try again.";
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
