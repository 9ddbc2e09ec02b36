using System.Globalization;
using System.Text;

namespace OrchardPortal.Liquid.Filters;

public static partial class StrftimeFormatter
{
    private static bool AppendConversion(StringBuilder builder, char conversion, Spec spec, DateTimeOffset time, string zoneName)
    {
        if (spec.Colons > 0 && conversion != 'z')
        {
            return false;
        }

        var clock = time.DateTime;
        switch (conversion)
        {
            case 'Y':
                AppendNumber(builder, clock.Year, 4, '0', spec);
                break;
            case 'C':
                AppendNumber(builder, clock.Year / 100, 2, '0', spec);
                break;
            case 'y':
                AppendNumber(builder, clock.Year % 100, 2, '0', spec);
                break;
            case 'm':
                AppendNumber(builder, clock.Month, 2, '0', spec);
                break;
            case 'B':
                AppendText(builder, MonthNames[clock.Month - 1], spec, swapToUpper: true);
                break;
            case 'b' or 'h':
                AppendText(builder, MonthNames[clock.Month - 1][..3], spec, swapToUpper: true);
                break;
            case 'd':
                AppendNumber(builder, clock.Day, 2, '0', spec);
                break;
            case 'e':
                AppendNumber(builder, clock.Day, 2, ' ', spec);
                break;
            case 'j':
                AppendNumber(builder, clock.DayOfYear, 3, '0', spec);
                break;
            case 'H':
                AppendNumber(builder, clock.Hour, 2, '0', spec);
                break;
            case 'k':
                AppendNumber(builder, clock.Hour, 2, ' ', spec);
                break;
            case 'I':
                AppendNumber(builder, TwelveHour(clock.Hour), 2, '0', spec);
                break;
            case 'l':
                AppendNumber(builder, TwelveHour(clock.Hour), 2, ' ', spec);
                break;
            case 'P':
                AppendText(builder, clock.Hour < 12 ? "am" : "pm", spec, swapToUpper: true);
                break;
            case 'p':
                AppendText(builder, clock.Hour < 12 ? "AM" : "PM", spec, swapToUpper: false);
                break;
            case 'M':
                AppendNumber(builder, clock.Minute, 2, '0', spec);
                break;
            case 'S':
                AppendNumber(builder, clock.Second, 2, '0', spec);
                break;
            case 'L':
                AppendFraction(builder, clock, spec.Width > 0 ? spec.Width : 3);
                break;
            case 'N':
                AppendFraction(builder, clock, spec.Width > 0 ? spec.Width : 9);
                break;
            case 'z':
                AppendOffset(builder, time.Offset, spec);
                break;
            case 'Z':
                AppendText(builder, zoneName, spec, swapToUpper: false);
                break;
            case 'A':
                AppendText(builder, DayNames[(int)clock.DayOfWeek], spec, swapToUpper: true);
                break;
            case 'a':
                AppendText(builder, DayNames[(int)clock.DayOfWeek][..3], spec, swapToUpper: true);
                break;
            case 'u':
                AppendNumber(builder, clock.DayOfWeek == DayOfWeek.Sunday ? 7 : (int)clock.DayOfWeek, 1, '0', spec);
                break;
            case 'w':
                AppendNumber(builder, (int)clock.DayOfWeek, 1, '0', spec);
                break;
            case 'U':
                AppendNumber(builder, (clock.DayOfYear - 1 + 7 - (int)clock.DayOfWeek) / 7, 2, '0', spec);
                break;
            case 'W':
                AppendNumber(builder, (clock.DayOfYear - 1 + 7 - (((int)clock.DayOfWeek + 6) % 7)) / 7, 2, '0', spec);
                break;
            case 'G':
                AppendNumber(builder, ISOWeek.GetYear(clock), 4, '0', spec);
                break;
            case 'g':
                AppendNumber(builder, ISOWeek.GetYear(clock) % 100, 2, '0', spec);
                break;
            case 'V':
                AppendNumber(builder, ISOWeek.GetWeekOfYear(clock), 2, '0', spec);
                break;
            case 's':
                AppendNumber(builder, time.ToUnixTimeSeconds(), 1, '0', spec);
                break;
            case 'n':
                AppendText(builder, "\n", spec, swapToUpper: false);
                break;
            case 't':
                AppendText(builder, "\t", spec, swapToUpper: false);
                break;
            case '%':
                AppendText(builder, "%", spec, swapToUpper: false);
                break;
            default:
                return AppendCombination(builder, conversion, spec, time, zoneName);
        }

        return true;
    }

    private static bool AppendCombination(StringBuilder builder, char conversion, Spec spec, DateTimeOffset time, string zoneName)
    {
        var format = conversion switch
        {
            'c' => "%a %b %e %H:%M:%S %Y",
            'D' or 'x' => "%m/%d/%y",
            'F' => "%Y-%m-%d",
            'T' or 'X' => "%H:%M:%S",
            'R' => "%H:%M",
            'r' => "%I:%M:%S %p",
            'v' => "%e-%^b-%4Y",
            '+' => "%a %b %e %H:%M:%S %Z %Y",
            _ => null,
        };

        if (format is null)
        {
            return false;
        }

        var inner = new StringBuilder(32);
        Append(inner, format, time, zoneName);
        AppendText(builder, inner.ToString(), spec, swapToUpper: true);
        return true;
    }

    private static int TwelveHour(int hour) => hour % 12 == 0 ? 12 : hour % 12;

    private static void AppendNumber(StringBuilder builder, long value, int defaultWidth, char defaultPad, Spec spec)
    {
        var width = spec.Width > 0 ? spec.Width : defaultWidth;
        var pad = spec.Padding switch
        {
            PaddingMode.None => '\0',
            PaddingMode.Spaces => ' ',
            PaddingMode.Zeros => '0',
            _ => defaultPad,
        };

        var digits = Math.Abs(value).ToString(CultureInfo.InvariantCulture);
        var length = digits.Length + (value < 0 ? 1 : 0);
        if (pad == ' ' && length < width)
        {
            builder.Append(' ', width - length);
        }

        if (value < 0)
        {
            builder.Append('-');
        }

        if (pad == '0' && length < width)
        {
            builder.Append('0', width - length);
        }

        builder.Append(digits);
    }

    private static void AppendText(StringBuilder builder, string text, Spec spec, bool swapToUpper)
    {
        if (spec.Upper || (spec.SwapCase && swapToUpper))
        {
            text = text.ToUpperInvariant();
        }
        else if (spec.SwapCase)
        {
            text = text.ToLowerInvariant();
        }

        if (spec.Padding != PaddingMode.None && text.Length < spec.Width)
        {
            builder.Append(spec.Padding == PaddingMode.Zeros ? '0' : ' ', spec.Width - text.Length);
        }

        builder.Append(text);
    }

    /// <summary>Fractional seconds truncated to <paramref name="digits"/> digits (the clock has 7; the rest are zeros).</summary>
    private static void AppendFraction(StringBuilder builder, DateTime clock, int digits)
    {
        var ticks = (clock.Ticks % TimeSpan.TicksPerSecond).ToString("D7", CultureInfo.InvariantCulture);
        builder.Append(ticks, 0, Math.Min(digits, 7));
        if (digits > 7)
        {
            builder.Append('0', digits - 7);
        }
    }

    /// <summary><c>%z</c> is +hhmm, <c>%:z</c> +hh:mm, <c>%::z</c> +hh:mm:ss; a width pads the hours.</summary>
    private static void AppendOffset(StringBuilder builder, TimeSpan offset, Spec spec)
    {
        var sign = offset < TimeSpan.Zero ? '-' : '+';
        var total = Math.Abs((long)offset.TotalSeconds);
        var hours = total / 3600;
        var minutes = total / 60 % 60;
        var seconds = total % 60;
        var rest = spec.Colons switch
        {
            0 => minutes.ToString("D2", CultureInfo.InvariantCulture),
            1 => ":" + minutes.ToString("D2", CultureInfo.InvariantCulture),
            _ => ":" + minutes.ToString("D2", CultureInfo.InvariantCulture) + ":" + seconds.ToString("D2", CultureInfo.InvariantCulture),
        };

        var hourDigits = hours.ToString(CultureInfo.InvariantCulture);
        var hourWidth = Math.Max(spec.Padding == PaddingMode.None ? 1 : 2, spec.Width - 1 - rest.Length);
        if (spec.Padding == PaddingMode.Spaces)
        {
            builder.Append(' ', Math.Max(0, hourWidth - hourDigits.Length)).Append(sign).Append(hourDigits);
        }
        else
        {
            builder.Append(sign).Append('0', Math.Max(0, hourWidth - hourDigits.Length)).Append(hourDigits);
        }

        builder.Append(rest);
    }
}
