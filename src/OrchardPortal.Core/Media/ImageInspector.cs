namespace OrchardPortal.Core.Media;

/// <summary>The image formats the portal accepts, decided from a file's bytes.</summary>
public enum ImageFormat
{
    Png,
    Jpeg,
    Gif,
    WebP,
    Svg,
}

/// <summary>What <see cref="ImageInspector"/> found: the format and the size the file declares.</summary>
public sealed record ImageInfo(ImageFormat Format, int Width, int Height)
{
    public string ContentType => ImageFormats.ContentType(Format);

    public string Extension => ImageFormats.Extension(Format);
}

/// <summary>The outcome of inspecting an upload: an image, or a message a person can act on.</summary>
public sealed record ImageInspection(ImageInfo? Image, string? Error)
{
    public bool IsImage => Image is not null;

    public static ImageInspection Failed(string error) => new(null, error);
}

/// <summary>
/// Decides what an uploaded file really is from its bytes (never from its name or the browser's
/// claim) and reads its width and height from the file's own header: PNG IHDR, JPEG SOFn, GIF
/// logical screen, WebP VP8/VP8L/VP8X, SVG width/height/viewBox. Nothing is decoded, so a hostile
/// file can cost no more than one pass over its bytes.
/// </summary>
public static class ImageInspector
{
    /// <summary>Larger sides than this are refused: no header image or web picture needs them, and browsers struggle.</summary>
    public const int MaxSide = 10_000;

    public const string NotAnImage = "That file isn't a PNG, JPEG, GIF, WebP or SVG image. Choose an image file and try again.";

    public static ImageInspection Inspect(ReadOnlySpan<byte> data)
    {
        if (data.IsEmpty)
        {
            return ImageInspection.Failed("That file is empty. Choose an image file and try again.");
        }

        var result = RasterImageReader.TryRead(data) ?? SvgImageReader.TryRead(data);
        if (result is null)
        {
            return ImageInspection.Failed(NotAnImage);
        }

        if (result.Image is { } image && (image.Width > MaxSide || image.Height > MaxSide))
        {
            return ImageInspection.Failed($"That image is {image.Width} × {image.Height} pixels; use one at most {MaxSide:N0} pixels on each side.");
        }

        return result;
    }
}

/// <summary>Content types and file extensions of <see cref="ImageFormat"/>, in one place.</summary>
public static class ImageFormats
{
    public static string ContentType(ImageFormat format) => format switch
    {
        ImageFormat.Png => "image/png",
        ImageFormat.Jpeg => "image/jpeg",
        ImageFormat.Gif => "image/gif",
        ImageFormat.WebP => "image/webp",
        ImageFormat.Svg => "image/svg+xml",
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };

    public static string Extension(ImageFormat format) => format switch
    {
        ImageFormat.Png => "png",
        ImageFormat.Jpeg => "jpg",
        ImageFormat.Gif => "gif",
        ImageFormat.WebP => "webp",
        ImageFormat.Svg => "svg",
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };

    /// <summary>The format a stored file's extension stands for, or null for anything else.</summary>
    public static ImageFormat? FromExtension(string extension) => extension switch
    {
        "png" => ImageFormat.Png,
        "jpg" => ImageFormat.Jpeg,
        "gif" => ImageFormat.Gif,
        "webp" => ImageFormat.WebP,
        "svg" => ImageFormat.Svg,
        _ => null,
    };

    /// <summary>A short name people know: "PNG", "JPEG", …</summary>
    public static string DisplayName(ImageFormat format) => format == ImageFormat.WebP ? "WebP" : format.ToString().ToUpperInvariant();
}
