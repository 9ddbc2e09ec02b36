using System.Globalization;
using System.Security.Cryptography;
using OrchardPortal.Core.Data;
using OrchardPortal.Core.Tenancy;

namespace OrchardPortal.Core.Media;

/// <summary>
/// <see cref="IMediaStore"/> on local disk: <c>{tenant files}/media/{folder}/{id}.{ext}</c>. The
/// tenant comes from the scope, so one tenant's store can't even name another tenant's folder.
/// </summary>
public sealed class FileSystemMediaStore(TenantScope scope, ITenantStorage storage, TimeProvider clock) : IMediaStore
{
    private const int CopyBufferSize = 81_920;

    private string Root => Path.Combine(storage.GetTenantFilesPath(scope.Required.Name), "media");

    public async Task<MediaSaveResult> SaveImageAsync(string folder, string fileName, Stream content, long maxBytes, CancellationToken cancellationToken)
    {
        if (!MediaPaths.IsValidFolder(folder))
        {
            throw new ArgumentException("Media folders are 1-40 characters of a-z, 0-9 and '-'.", nameof(folder));
        }

        var bytes = await ReadBoundedAsync(content, maxBytes, cancellationToken);
        if (bytes is null)
        {
            var size = content.CanSeek ? $"{FormatSize(content.Length)}, and" : "too big:";
            return MediaSaveResult.Failed($"“{DisplayName(fileName)}” is {size} images can be at most {FormatSize(maxBytes)}. Make it smaller (for example, export it at a lower resolution) and try again.");
        }

        var inspection = ImageInspector.Inspect(bytes);
        if (inspection.Image is not { } image)
        {
            return MediaSaveResult.Failed(inspection.Error!);
        }

        if (image.Format == ImageFormat.Svg)
        {
            bytes = SvgSanitizer.Sanitize(bytes);
            if (bytes is null)
            {
                return MediaSaveResult.Failed("That SVG file couldn't be read safely, so it can't be used. Export it again as a plain SVG and retry.");
            }
        }

        var id = RandomNumberGenerator.GetHexString(32, lowercase: true);
        var path = $"{folder}/{id}.{image.Extension}";
        var target = FullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        // Write beside the target and move into place, so a reader never sees half a file.
        var temporary = target + ".part";
        await File.WriteAllBytesAsync(temporary, bytes, cancellationToken);
        File.Move(temporary, target);
        return new MediaSaveResult(new MediaFile(path, id, image.ContentType, bytes.Length, clock.GetUtcNow()), image, null);
    }

    public Task<MediaFile?> GetAsync(string path, CancellationToken cancellationToken)
    {
        if (!MediaPaths.TryParse(path, out _, out var id, out var format))
        {
            return Task.FromResult<MediaFile?>(null);
        }

        var info = new FileInfo(FullPath(path));
        return Task.FromResult(info.Exists
            ? new MediaFile(path, id, ImageFormats.ContentType(format), info.Length, new DateTimeOffset(info.LastWriteTimeUtc, TimeSpan.Zero))
            : null);
    }

    public Stream? OpenRead(string path)
    {
        if (!MediaPaths.TryParse(path, out _, out _, out _))
        {
            return null;
        }

        try
        {
            return new FileStream(FullPath(path), FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 4096, FileOptions.Asynchronous);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    public bool Delete(string path)
    {
        if (!MediaPaths.TryParse(path, out _, out _, out _))
        {
            return false;
        }

        var full = FullPath(path);
        if (!File.Exists(full))
        {
            return false;
        }

        File.Delete(full);
        return true;
    }

    public async Task<IReadOnlyList<MediaFile>> ListAsync(string folder, CancellationToken cancellationToken)
    {
        if (!MediaPaths.IsValidFolder(folder) || !Directory.Exists(Path.Combine(Root, folder)))
        {
            return [];
        }

        var files = new List<MediaFile>();
        foreach (var name in Directory.EnumerateFiles(Path.Combine(Root, folder)).Select(Path.GetFileName))
        {
            if (await GetAsync($"{folder}/{name}", cancellationToken) is { } file)
            {
                files.Add(file);
            }
        }

        return [.. files.OrderByDescending(f => f.LastModifiedUtc)];
    }

    /// <summary>Only called with parsed paths; the containment check is a second fence.</summary>
    private string FullPath(string path)
    {
        var root = Path.GetFullPath(Root) + Path.DirectorySeparatorChar;
        var full = Path.GetFullPath(Path.Combine(root, path));
        return full.StartsWith(root, StringComparison.Ordinal) ? full : throw new ArgumentException("Not a media path.", nameof(path));
    }

    /// <summary>Reads the whole upload, or returns null as soon as it proves larger than the limit.</summary>
    private static async Task<byte[]?> ReadBoundedAsync(Stream content, long maxBytes, CancellationToken cancellationToken)
    {
        if (content.CanSeek && content.Length - content.Position > maxBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[CopyBufferSize];
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

    private static string DisplayName(string fileName)
    {
        var name = Path.GetFileName(fileName ?? "");
        name = new string(name.Where(c => !char.IsControl(c)).Take(80).ToArray());
        return name.Length == 0 ? "That file" : name;
    }

    /// <summary>"2 MB", "2.4 MB", "512 KB": sizes as people read them.</summary>
    public static string FormatSize(long bytes) => bytes >= 1024 * 1024
        ? (bytes / (1024.0 * 1024)).ToString(bytes % (1024 * 1024) == 0 ? "0" : "0.0", CultureInfo.InvariantCulture) + " MB"
        : Math.Max(1, (long)Math.Ceiling(bytes / 1024.0)).ToString(CultureInfo.InvariantCulture) + " KB";
}
