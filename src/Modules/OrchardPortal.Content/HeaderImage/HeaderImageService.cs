using OrchardPortal.Core.Media;
using OrchardPortal.Core.Settings;

namespace OrchardPortal.Content.HeaderImage;

/// <summary>The tenant's header image (logo or banner) as shown above every portal page.</summary>
public sealed record HeaderImageInfo
{
    public string Path { get; init; } = "";

    public string ContentType { get; init; } = "";

    public int Width { get; init; }

    public int Height { get; init; }

    public long Length { get; init; }

    /// <summary>The name of the file staff uploaded, for display only.</summary>
    public string FileName { get; init; } = "";

    public DateTimeOffset UploadedUtc { get; init; }

    public string UploadedBy { get; init; } = "";

    public string Url => MediaPaths.UrlPrefix + Path;
}

/// <summary>
/// Uploading, reading and removing the header image. The file lives in the tenant's media
/// (<c>branding/</c>); which file is current is the <c>HeaderImage</c> settings document.
/// </summary>
public sealed class HeaderImageService(IMediaStore media, SiteSettingsService settings, TimeProvider clock)
{
    public const string SettingsName = "HeaderImage";
    public const string MediaFolder = "branding";
    public const long MaxBytes = 2 * 1024 * 1024;

    /// <summary>The current header image, or null when none is set.</summary>
    public async Task<HeaderImageInfo?> GetAsync(CancellationToken cancellationToken)
    {
        var current = await settings.GetAsync<HeaderImageInfo>(SettingsName, cancellationToken);
        return current.Path.Length == 0 ? null : current;
    }

    /// <summary>Stores an upload and makes it the header image; returns a message when the file can't be used (nothing changes then).</summary>
    public async Task<string?> UploadAsync(string fileName, Stream content, string uploadedBy, CancellationToken cancellationToken)
    {
        var saved = await media.SaveImageAsync(MediaFolder, fileName, content, MaxBytes, cancellationToken);
        if (!saved.Succeeded)
        {
            return saved.Error;
        }

        var previous = await GetAsync(cancellationToken);
        await settings.SaveAsync(SettingsName, new HeaderImageInfo
        {
            Path = saved.File!.Path,
            ContentType = saved.File.ContentType,
            Width = saved.Image!.Width,
            Height = saved.Image.Height,
            Length = saved.File.Length,
            FileName = DisplayFileName(fileName),
            UploadedUtc = clock.GetUtcNow(),
            UploadedBy = uploadedBy,
        }, cancellationToken);
        if (previous is not null)
        {
            media.Delete(previous.Path);
        }

        return null;
    }

    /// <summary>Removes the header image; false when there was none.</summary>
    public async Task<bool> RemoveAsync(CancellationToken cancellationToken)
    {
        var current = await GetAsync(cancellationToken);
        if (current is null)
        {
            return false;
        }

        await settings.SaveAsync(SettingsName, new HeaderImageInfo(), cancellationToken);
        media.Delete(current.Path);
        return true;
    }

    private static string DisplayFileName(string fileName)
    {
        var name = new string([.. System.IO.Path.GetFileName(fileName).Where(c => !char.IsControl(c))]);
        return name.Length > 120 ? name[..120] : name;
    }
}
