using System.Globalization;
using System.Xml;

namespace OrchardPortal.Core.Media;

/// <summary>
/// Recognises SVG (an XML document whose root is <c>&lt;svg&gt;</c>) and works out its size from the
/// root's width/height, falling back to its viewBox when they are missing or relative (%, em).
/// </summary>
internal static class SvgImageReader
{
    public static ImageInspection? TryRead(ReadOnlySpan<byte> data)
    {
        if (!SvgXml.LooksLikeMarkup(data))
        {
            return null;
        }

        try
        {
            using var reader = SvgXml.CreateReader(data);
            if (reader.MoveToContent() != XmlNodeType.Element || reader.LocalName != "svg")
            {
                return null;
            }

            var (width, height) = Size(reader.GetAttribute("width"), reader.GetAttribute("height"), reader.GetAttribute("viewBox"));
            // Read to the end so a document that is broken further down is refused too.
            while (reader.Read())
            {
            }

            return width is null || height is null
                ? ImageInspection.Failed("That SVG has no size: give its root element a width and height, or a viewBox, and try again.")
                : new ImageInspection(new ImageInfo(ImageFormat.Svg, width.Value, height.Value), null);
        }
        catch (XmlException)
        {
            return SvgXml.MentionsSvg(data)
                ? ImageInspection.Failed("That SVG file isn't valid XML (or it uses entities, which aren't allowed), so it can't be used. Export it again and retry.")
                : null;
        }
    }

    internal static (int? Width, int? Height) Size(string? widthText, string? heightText, string? viewBoxText)
    {
        var width = Length(widthText);
        var height = Length(heightText);
        var box = ViewBox(viewBoxText);
        if (width is null && height is null && box is { } both)
        {
            return (Pixels(both.Width), Pixels(both.Height));
        }

        if (box is { } ratio)
        {
            width ??= height * ratio.Width / ratio.Height;
            height ??= width * ratio.Height / ratio.Width;
        }

        return (width is null ? null : Pixels(width.Value), height is null ? null : Pixels(height.Value));
    }

    private static int? Pixels(double value) => value is > 0 and < int.MaxValue ? Math.Max(1, (int)Math.Round(value)) : null;

    /// <summary>An absolute SVG length in CSS pixels; null for relative units, which need a viewBox.</summary>
    private static double? Length(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        text = text.Trim();
        var unitStart = text.Length;
        while (unitStart > 0 && char.IsAsciiLetter(text[unitStart - 1]))
        {
            unitStart--;
        }

        var factor = text[unitStart..].ToLowerInvariant() switch
        {
            "" or "px" => 1.0,
            "pt" => 96.0 / 72,
            "pc" => 16.0,
            "in" => 96.0,
            "cm" => 96.0 / 2.54,
            "mm" => 96.0 / 25.4,
            _ => double.NaN,
        };
        return !double.IsNaN(factor) && double.TryParse(text[..unitStart], NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && number > 0
            ? number * factor
            : null;
    }

    private static (double Width, double Height)? ViewBox(string? text)
    {
        var parts = (text ?? "").Split([' ', ',', '\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 4)
        {
            return null;
        }

        return double.TryParse(parts[2], NumberStyles.Float, CultureInfo.InvariantCulture, out var w)
            && double.TryParse(parts[3], NumberStyles.Float, CultureInfo.InvariantCulture, out var h) && w > 0 && h > 0
            ? (w, h)
            : null;
    }
}
