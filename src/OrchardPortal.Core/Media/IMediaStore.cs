namespace OrchardPortal.Core.Media;

/// <summary>
/// The current tenant's media files (header images, pictures in page content). Files are stored
/// under a random id and never change, so their URLs can be cached forever; the content type is
/// decided by inspecting the bytes, never from the upload's name or the browser's claim.
/// </summary>
public interface IMediaStore
{
    /// <summary>
    /// Stores an uploaded image in <paramref name="folder"/> (e.g. <c>branding</c>) if it is a PNG,
    /// JPEG, GIF, WebP or SVG of at most <paramref name="maxBytes"/>; SVGs are sanitised first.
    /// Returns the stored file, or a message for the person who uploaded it.
    /// </summary>
    Task<MediaSaveResult> SaveImageAsync(string folder, string fileName, Stream content, long maxBytes, CancellationToken cancellationToken);

    /// <summary>The file at a media path (<c>branding/{id}.png</c>), or null when this tenant has no such file.</summary>
    Task<MediaFile?> GetAsync(string path, CancellationToken cancellationToken);

    /// <summary>Opens a file for reading, or null when this tenant has no such file.</summary>
    Stream? OpenRead(string path);

    /// <summary>Deletes a file; true when it existed.</summary>
    bool Delete(string path);

    /// <summary>The tenant's files in one folder, newest first.</summary>
    Task<IReadOnlyList<MediaFile>> ListAsync(string folder, CancellationToken cancellationToken);
}

/// <summary>A stored media file.</summary>
/// <param name="Path">Tenant-relative media path, e.g. <c>branding/9f…c1.png</c>.</param>
/// <param name="Id">The random file id (also the file's ETag: its bytes never change).</param>
/// <param name="ContentType">Decided from the file's bytes when it was stored.</param>
/// <param name="Length">Size in bytes.</param>
/// <param name="LastModifiedUtc">When it was stored.</param>
public sealed record MediaFile(string Path, string Id, string ContentType, long Length, DateTimeOffset LastModifiedUtc)
{
    /// <summary>The tenant-relative URL the file is served at.</summary>
    public string Url => MediaPaths.UrlPrefix + Path;
}

/// <summary>The outcome of an upload: the stored file and what the image is, or a message.</summary>
public sealed record MediaSaveResult(MediaFile? File, ImageInfo? Image, string? Error)
{
    public bool Succeeded => File is not null;

    public static MediaSaveResult Failed(string error) => new(null, null, error);
}
