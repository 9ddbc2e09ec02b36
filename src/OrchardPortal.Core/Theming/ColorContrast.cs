using System.Globalization;

namespace OrchardPortal.Core.Theming;

/// <summary>An sRGB colour, as staff type it in hex.</summary>
public readonly record struct RgbColor(byte R, byte G, byte B)
{
    public static readonly RgbColor Black = new(0, 0, 0);
    public static readonly RgbColor White = new(255, 255, 255);

    /// <summary>Lower-case <c>#rrggbb</c>.</summary>
    public string ToHex() => string.Create(CultureInfo.InvariantCulture, $"#{R:x2}{G:x2}{B:x2}");

    public override string ToString() => ToHex();
}

/// <summary>
/// Keeps text readable on tenant-chosen colours, by the WCAG 2 definitions of relative luminance and
/// contrast ratio. The theme never trusts a colour to be light or dark: it asks here.
/// </summary>
public static class ColorContrast
{
    /// <summary>WCAG AA for normal text.</summary>
    public const double MinimumTextContrast = 4.5;

    /// <summary>Parses <c>#rgb</c> or <c>#rrggbb</c> (the leading # required, surrounding spaces ignored).</summary>
    public static bool TryParse(string? value, out RgbColor color)
    {
        color = default;
        var text = (value ?? "").Trim();
        if (text.Length is not (4 or 7) || text[0] != '#')
        {
            return false;
        }

        var digits = text.AsSpan(1);
        foreach (var c in digits)
        {
            if (!char.IsAsciiHexDigit(c))
            {
                return false;
            }
        }

        if (digits.Length == 3)
        {
            color = new RgbColor(Nibble(digits[0]), Nibble(digits[1]), Nibble(digits[2]));
            return true;
        }

        color = new RgbColor(
            byte.Parse(digits[..2], NumberStyles.HexNumber, CultureInfo.InvariantCulture),
            byte.Parse(digits[2..4], NumberStyles.HexNumber, CultureInfo.InvariantCulture),
            byte.Parse(digits[4..], NumberStyles.HexNumber, CultureInfo.InvariantCulture));
        return true;

        static byte Nibble(char c) => (byte)(Convert.ToByte(c.ToString(), 16) * 17);
    }

    /// <summary>The colour as lower-case <c>#rrggbb</c>, or null when it isn't a hex colour.</summary>
    public static string? Normalize(string? value) => TryParse(value, out var color) ? color.ToHex() : null;

    /// <summary>WCAG relative luminance: 0 for black, 1 for white.</summary>
    public static double RelativeLuminance(RgbColor color) =>
        (0.2126 * Linear(color.R)) + (0.7152 * Linear(color.G)) + (0.0722 * Linear(color.B));

    /// <summary>WCAG contrast ratio, from 1 (none) to 21 (black on white).</summary>
    public static double ContrastRatio(RgbColor a, RgbColor b)
    {
        var la = RelativeLuminance(a);
        var lb = RelativeLuminance(b);
        return (Math.Max(la, lb) + 0.05) / (Math.Min(la, lb) + 0.05);
    }

    /// <summary>Black or white, whichever contrasts more with <paramref name="background"/>.</summary>
    public static RgbColor ReadableTextColor(RgbColor background) =>
        ContrastRatio(RgbColor.Black, background) >= ContrastRatio(RgbColor.White, background) ? RgbColor.Black : RgbColor.White;

    /// <summary>
    /// <paramref name="foreground"/> itself when it already reaches <paramref name="minimum"/> contrast on
    /// <paramref name="background"/>; otherwise the nearest shade of it (mixed toward black or white) that does.
    /// Used for links in the theme colour: the brand hue stays, only as dark or light as readability needs.
    /// </summary>
    public static RgbColor EnsureContrast(RgbColor foreground, RgbColor background, double minimum = MinimumTextContrast)
    {
        if (ContrastRatio(foreground, background) >= minimum)
        {
            return foreground;
        }

        var target = ReadableTextColor(background);
        for (var step = 1; step <= 20; step++)
        {
            var mixed = Mix(foreground, target, step / 20.0);
            if (ContrastRatio(mixed, background) >= minimum)
            {
                return mixed;
            }
        }

        return target;
    }

    private static RgbColor Mix(RgbColor from, RgbColor to, double amount) => new(
        (byte)Math.Round(from.R + ((to.R - from.R) * amount)),
        (byte)Math.Round(from.G + ((to.G - from.G) * amount)),
        (byte)Math.Round(from.B + ((to.B - from.B) * amount)));

    private static double Linear(byte channel)
    {
        var c = channel / 255.0;
        return c <= 0.04045 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
    }
}
