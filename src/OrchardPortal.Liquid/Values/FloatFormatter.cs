using System.Globalization;

namespace OrchardPortal.Liquid.Values;

/// <summary>Formats doubles the way Ruby's <c>Float#to_s</c> does: shortest round-trip digits, always a fraction part, exponent form outside 1e-4..1e16.</summary>
internal static class FloatFormatter
{
    /// <summary>Formats into <paramref name="destination"/> (at least 32 characters) without allocating in the common cases.</summary>
    public static int Format(double value, Span<char> destination)
    {
        if (double.IsFinite(value) && Math.Abs(value) < 1e16 && value == Math.Floor(value) && !(value == 0 && double.IsNegative(value)))
        {
            ((long)value).TryFormat(destination, out var written, default, CultureInfo.InvariantCulture);
            destination[written] = '.';
            destination[written + 1] = '0';
            return written + 2;
        }

        if (double.IsFinite(value) && value.TryFormat(destination, out var length, "R", CultureInfo.InvariantCulture)
            && destination[..length].IndexOfAny('E', 'e') < 0 && destination[..length].Contains('.'))
        {
            return length;
        }

        var text = Format(value);
        text.AsSpan().CopyTo(destination);
        return text.Length;
    }

    public static string Format(double value)
    {
        if (double.IsNaN(value))
        {
            return "NaN";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "Infinity" : "-Infinity";
        }

        if (value == 0)
        {
            return double.IsNegative(value) ? "-0.0" : "0.0";
        }

        // "E16" would round; "R" gives the shortest digits that round-trip, which is what Ruby prints.
        var text = value.ToString("R", CultureInfo.InvariantCulture);
        var negative = text[0] == '-';
        if (negative)
        {
            text = text[1..];
        }

        var exponentAt = text.IndexOfAny(['E', 'e']);
        var exponent = 0;
        var mantissa = text;
        if (exponentAt >= 0)
        {
            exponent = int.Parse(text.AsSpan(exponentAt + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            mantissa = text[..exponentAt];
        }

        var dot = mantissa.IndexOf('.', StringComparison.Ordinal);
        var digits = dot >= 0 ? mantissa.Remove(dot, 1) : mantissa;
        var pointPosition = (dot >= 0 ? dot : mantissa.Length) + exponent;
        var trimmedStart = digits.TrimStart('0');
        pointPosition -= digits.Length - trimmedStart.Length;
        digits = trimmedStart.TrimEnd('0');
        if (digits.Length == 0)
        {
            digits = "0";
        }

        string result;
        if (pointPosition > 0 && pointPosition <= 16)
        {
            result = pointPosition >= digits.Length
                ? digits + new string('0', pointPosition - digits.Length) + ".0"
                : digits[..pointPosition] + "." + digits[pointPosition..];
        }
        else if (pointPosition <= 0 && pointPosition > -4)
        {
            result = "0." + new string('0', -pointPosition) + digits;
        }
        else
        {
            var fraction = digits.Length > 1 ? digits[1..] : "0";
            var e = pointPosition - 1;
            result = digits[0] + "." + fraction + "e" + (e < 0 ? "-" : "+") + Math.Abs(e).ToString("00", CultureInfo.InvariantCulture);
        }

        return negative ? "-" + result : result;
    }
}
