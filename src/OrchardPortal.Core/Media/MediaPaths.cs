using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace OrchardPortal.Core.Media;

/// <summary>
/// The shape of media paths (<c>{folder}/{32 hex id}.{ext}</c>), checked before any file-system
/// call: nothing with dots, slashes or other tricks can name a file outside the tenant's media.
/// </summary>
public static partial class MediaPaths
{
    public const string UrlPrefix = "/media/";

    public static bool IsValidFolder(string folder) => FolderPattern().IsMatch(folder);

    /// <summary>Splits a valid media path into its parts; false for anything else.</summary>
    public static bool TryParse(string? path, [NotNullWhen(true)] out string? folder, [NotNullWhen(true)] out string? id, out ImageFormat format)
    {
        folder = null;
        id = null;
        format = default;
        var match = path is null ? Match.Empty : PathPattern().Match(path);
        if (!match.Success || ImageFormats.FromExtension(match.Groups["ext"].Value) is not { } parsed)
        {
            return false;
        }

        folder = match.Groups["folder"].Value;
        id = match.Groups["id"].Value;
        format = parsed;
        return true;
    }

    /// <summary>The media path of a URL this store handed out (<c>/media/...</c>), or null.</summary>
    public static string? FromUrl(string? url) =>
        url is not null && url.StartsWith(UrlPrefix, StringComparison.Ordinal) && TryParse(url[UrlPrefix.Length..], out _, out _, out _)
            ? url[UrlPrefix.Length..]
            : null;

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,39}\\z")]
    private static partial Regex FolderPattern();

    [GeneratedRegex("^(?<folder>[a-z0-9][a-z0-9-]{0,39})/(?<id>[0-9a-f]{32})\\.(?<ext>[a-z]{3,4})\\z")]
    private static partial Regex PathPattern();
}
