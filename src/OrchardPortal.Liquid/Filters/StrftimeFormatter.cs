using System.Text;

namespace OrchardPortal.Liquid.Filters;

/// <summary>
/// Ruby's <c>Time#strftime</c>: every conversion (<c>%Y %C %y %m %B %b %h %d %e %j %H %k %I %l %P %p %M %S %L %N
/// %z %:z %::z %Z %A %a %u %w %U %W %G %g %V %s %n %t %%</c> and the combinations <c>%c %D %x %F %T %X %R %r %v %+</c>)
/// with the flags <c>-</c> (no padding), <c>_</c> (spaces), <c>0</c> (zeros), <c>^</c> (upper case), <c>#</c>
/// (change case) and a minimum width. Unknown conversions are copied as written. Names are English.
/// </summary>
public static partial class StrftimeFormatter
{
    private const int MaxWidth = 1024;

    private static readonly string[] MonthNames =
    [
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ];

    private static readonly string[] DayNames = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

    /// <summary>Formats <paramref name="time"/> (shown at its own offset) with a Ruby strftime format.</summary>
    /// <param name="format">The strftime format, e.g. <c>"%b %-d, %Y"</c>.</param>
    /// <param name="time">The time to show; its offset is used for <c>%z</c> and its clock time for everything else.</param>
    /// <param name="zoneName">What <c>%Z</c> prints, e.g. <c>"UTC"</c> or <c>"CET"</c>.</param>
    public static string Format(string format, DateTimeOffset time, string zoneName = "")
    {
        ArgumentNullException.ThrowIfNull(format);
        var builder = new StringBuilder(format.Length + 16);
        Append(builder, format, time, zoneName ?? string.Empty);
        return builder.ToString();
    }

    private static void Append(StringBuilder builder, string format, DateTimeOffset time, string zoneName)
    {
        var index = 0;
        while (index < format.Length)
        {
            var percent = format.IndexOf('%', index);
            if (percent < 0 || percent == format.Length - 1)
            {
                builder.Append(format, index, format.Length - index);
                return;
            }

            builder.Append(format, index, percent - index);
            var spec = ParseSpec(format, percent + 1, out var next);
            if (next >= format.Length || !AppendConversion(builder, format[next], spec, time, zoneName))
            {
                // Not a conversion Ruby knows: the text is kept as written.
                var end = Math.Min(next + 1, format.Length);
                builder.Append(format, percent, end - percent);
                index = end;
                continue;
            }

            index = next + 1;
        }
    }

    private static Spec ParseSpec(string format, int index, out int next)
    {
        var spec = default(Spec);
        for (; index < format.Length; index++)
        {
            switch (format[index])
            {
                case '-':
                    spec.Padding = PaddingMode.None;
                    continue;
                case '_':
                    spec.Padding = PaddingMode.Spaces;
                    continue;
                case '0':
                    spec.Padding = PaddingMode.Zeros;
                    continue;
                case '^':
                    spec.Upper = true;
                    continue;
                case '#':
                    spec.SwapCase = true;
                    continue;
            }

            break;
        }

        var width = 0;
        while (index < format.Length && char.IsAsciiDigit(format[index]))
        {
            width = Math.Min((width * 10) + (format[index] - '0'), MaxWidth + 1);
            index++;
        }

        if (width > MaxWidth)
        {
            throw new LiquidRenderException($"Liquid error: date: a strftime width may be at most {MaxWidth}");
        }

        spec.Width = width;
        while (index < format.Length && format[index] == ':' && spec.Colons < 3)
        {
            spec.Colons++;
            index++;
        }

        // %E and %O (alternative representations) change nothing in the C locale.
        if (index + 1 < format.Length && format[index] is 'E' or 'O' && char.IsAsciiLetter(format[index + 1]))
        {
            index++;
        }

        next = index;
        return spec;
    }

    private enum PaddingMode
    {
        Default,
        None,
        Spaces,
        Zeros,
    }

    private struct Spec
    {
        public PaddingMode Padding;
        public bool Upper;
        public bool SwapCase;
        public int Width;
        public int Colons;
    }
}
