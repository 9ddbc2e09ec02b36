using System.Globalization;

namespace OrchardPortal.Liquid.Values;

/// <summary>Number coercion with Ruby semantics: <c>"3.5"</c> is a float, <c>"12abc"</c> is 12 (<c>to_i</c>), anything else is 0.</summary>
internal static class NumberParser
{
    public static object ToNumber(object? value)
    {
        switch (value)
        {
            case long or double:
                return value;
            case string s:
                return ParseString(s);
        }

        return ValueNormalizer.Normalize(value) switch
        {
            long l => l,
            double d => d,
            string s => ParseString(s),
            _ => 0L,
        };
    }

    public static object ParseString(string text)
    {
        var span = text.AsSpan().Trim();
        if (IsDecimalLiteral(span) && double.TryParse(span, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var d))
        {
            return d;
        }

        return LeadingInteger(span);
    }

    /// <summary>Matches <c>-?\d+\.\d+</c>, the only string shape Liquid turns into a float.</summary>
    private static bool IsDecimalLiteral(ReadOnlySpan<char> span)
    {
        var i = 0;
        if (i < span.Length && span[i] == '-')
        {
            i++;
        }

        var digitsBefore = 0;
        while (i < span.Length && char.IsAsciiDigit(span[i]))
        {
            i++;
            digitsBefore++;
        }

        if (digitsBefore == 0 || i >= span.Length || span[i] != '.')
        {
            return false;
        }

        i++;
        var digitsAfter = 0;
        while (i < span.Length && char.IsAsciiDigit(span[i]))
        {
            i++;
            digitsAfter++;
        }

        return digitsAfter > 0 && i == span.Length;
    }

    /// <summary>Ruby <c>String#to_i</c>: optional sign, then digits (underscores allowed between digits); stops at the first other character.</summary>
    private static long LeadingInteger(ReadOnlySpan<char> span)
    {
        var i = 0;
        var negative = false;
        if (i < span.Length && (span[i] == '-' || span[i] == '+'))
        {
            negative = span[i] == '-';
            i++;
        }

        long result = 0;
        var sawDigit = false;
        while (i < span.Length)
        {
            var c = span[i];
            if (char.IsAsciiDigit(c))
            {
                sawDigit = true;
                result = result > (long.MaxValue - 9) / 10 ? long.MaxValue : (result * 10) + (c - '0');
            }
            else if (!(c == '_' && sawDigit && i + 1 < span.Length && char.IsAsciiDigit(span[i + 1])))
            {
                break;
            }

            i++;
        }

        return negative ? -result : result;
    }
}
