using System.Collections;
using System.Globalization;
using OrchardPortal.Liquid.Values;

namespace OrchardPortal.Liquid.Filters;

/// <summary>Value operations the standard filters need beyond <see cref="LiquidValues"/>, with Ruby semantics.</summary>
internal static class StandardFilterValues
{
    private const int MaxNesting = 64;

    public static string ToText(object? value) => value switch
    {
        null => string.Empty,
        string s => s,
        _ => LiquidValues.ToOutputString(value),
    };

    /// <summary>
    /// Liquid's input iterator: arrays are flattened, a hash or a scalar becomes a one-item array, nil an empty one.
    /// Materialising a range counts against the loop-iteration limit so <c>(1..100000000) | reverse</c> cannot exhaust memory.
    /// </summary>
    public static List<object?> Flatten(object? input, TemplateContext context)
    {
        var result = new List<object?>();
        switch (input)
        {
            case null or EmptyValue or BlankValue:
                return result;
            case string or IDictionary<string, object?>:
                result.Add(input);
                return result;
        }

        var normalized = Normalize(input);
        if (normalized is IEnumerable and not string and not IDictionary<string, object?>)
        {
            AppendFlattened(result, normalized, context, 0);
        }
        else
        {
            result.Add(normalized);
        }

        return result;
    }

    /// <summary>
    /// The same items as <see cref="Flatten"/>, read-only: a list that is already flat and normalised is returned
    /// as it is instead of being copied, which keeps <c>join</c>, <c>map</c> and <c>where</c> allocation-free on input.
    /// </summary>
    public static IReadOnlyList<object?> FlatItems(object? input, TemplateContext context)
    {
        if (input is null or EmptyValue or BlankValue)
        {
            return [];
        }

        if (input is List<object?> list && IsFlat(list))
        {
            return list;
        }

        return Flatten(input, context);
    }

    private static bool IsFlat(List<object?> list)
    {
        foreach (var item in list)
        {
            if (item is not (null or string or long or double or bool or IDictionary<string, object?>)
                && (item is IEnumerable || !ReferenceEquals(Normalize(item), item)))
            {
                return false;
            }
        }

        return true;
    }

    private static void AppendFlattened(List<object?> result, object? value, TemplateContext context, int depth)
    {
        if (value is LiquidRange range)
        {
            EnsureCanMaterialize(range.LongCount + result.Count, context);
            foreach (var item in range)
            {
                result.Add(item);
            }

            return;
        }

        if (depth > MaxNesting)
        {
            throw new LiquidRenderException("Liquid error: arrays are nested too deeply");
        }

        foreach (var item in (IEnumerable)value!)
        {
            var normalized = Normalize(item);
            if (normalized is IList<object?> or LiquidRange)
            {
                AppendFlattened(result, normalized, context, depth + 1);
            }
            else
            {
                result.Add(normalized);
            }
        }
    }

    public static void EnsureCanMaterialize(long count, TemplateContext context)
    {
        var limit = context.Limits.MaxLoopIterations;
        if (count > limit)
        {
            throw new LiquidLimitException(LiquidLimits.LoopIterationsName, limit);
        }
    }

    /// <summary>Guards filters whose output can grow multiplicatively (replace, join) against the output-size limit.</summary>
    public static void EnsureOutputSize(long length, TemplateContext context)
    {
        var limit = context.Limits.MaxOutputSize;
        if (length > limit)
        {
            throw new LiquidLimitException(LiquidLimits.OutputSizeName, limit);
        }
    }

    public static object? Normalize(object? value) => ValueNormalizer.Normalize(value);

    /// <summary>Ruby Liquid's <c>Utils.to_integer</c>: integers as they are, anything else through <c>Integer(to_s)</c>.</summary>
    public static long ToInteger(string filter, object? value)
    {
        if (value is long l)
        {
            return l;
        }

        if (value is int i)
        {
            return i;
        }

        var text = ToText(value).AsSpan().Trim();
        Span<char> digits = stackalloc char[24];
        var length = 0;
        for (var index = 0; index < text.Length; index++)
        {
            var c = text[index];
            var isSign = index == 0 && (c == '-' || c == '+');
            var isSeparator = c == '_' && index > 0 && char.IsAsciiDigit(text[index - 1]) && index + 1 < text.Length && char.IsAsciiDigit(text[index + 1]);
            if (isSeparator)
            {
                continue;
            }

            if ((!isSign && !char.IsAsciiDigit(c)) || length == digits.Length)
            {
                throw FilterError(filter, "invalid integer");
            }

            digits[length++] = c;
        }

        if (long.TryParse(digits[..length], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var result))
        {
            return result;
        }

        throw FilterError(filter, "invalid integer");
    }

    public static LiquidRenderException FilterError(string filter, string message) => new($"Liquid error: {filter}: {message}");

    /// <summary>Ruby's whitespace for strip and awk-style split: space, \t, \n, \v, \f, \r (and NUL for strip).</summary>
    public static bool IsRubySpace(char c) => c is ' ' or '\t' or '\n' or '\v' or '\f' or '\r';

    public static bool HasSurrogates(string text) => text.AsSpan().IndexOfAnyInRange('\uD800', '\uDFFF') >= 0;

    /// <summary>Length in characters as Ruby counts them (code points).</summary>
    public static int CharacterCount(string text)
    {
        if (!HasSurrogates(text))
        {
            return text.Length;
        }

        var count = 0;
        foreach (var c in text)
        {
            if (!char.IsLowSurrogate(c))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>
    /// Whether <see cref="CharacterCount"/> of <paramref name="text"/> exceeds <paramref name="limit"/>, reading only as much
    /// of the text as that takes: <c>truncate: 15</c> on a long description looks at about 16 units, not the whole string.
    /// </summary>
    public static bool HasMoreCharactersThan(string text, long limit)
    {
        if (text.Length <= limit)
        {
            return false;
        }

        if (limit < 0)
        {
            return true;
        }

        // Every UTF-16 unit except a low surrogate starts a character, so limit + 1 units without one are limit + 1 characters.
        if (text.AsSpan(0, (int)limit + 1).IndexOfAnyInRange('\uDC00', '\uDFFF') < 0)
        {
            return true;
        }

        var count = 0L;
        foreach (var c in text)
        {
            if (!char.IsLowSurrogate(c) && ++count > limit)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether the first <paramref name="units"/> UTF-16 units (at most the whole text) contain a surrogate.</summary>
    public static bool HasSurrogates(string text, long units) =>
        text.AsSpan(0, (int)Math.Clamp(units, 0, text.Length)).IndexOfAnyInRange('\uD800', '\uDFFF') >= 0;

    /// <summary>UTF-16 offset of the character (code point) at <paramref name="characterIndex"/>.</summary>
    public static int OffsetOfCharacter(string text, int characterIndex, bool hasSurrogates)
    {
        if (!hasSurrogates)
        {
            return Math.Min(characterIndex, text.Length);
        }

        var offset = 0;
        for (var seen = 0; seen < characterIndex && offset < text.Length; seen++)
        {
            offset += char.IsHighSurrogate(text[offset]) && offset + 1 < text.Length && char.IsLowSurrogate(text[offset + 1]) ? 2 : 1;
        }

        return offset;
    }
}
