using System.Collections;
using System.Globalization;
using System.Text;

namespace OrchardPortal.Liquid.Values;

/// <summary>
/// Operations on Liquid values shared by the renderer and the filters.
/// Value model: null = nil, bool, long (integer), double (float), string,
/// IList&lt;object?&gt; / IEnumerable (arrays), IDictionary&lt;string, object?&gt; (hashes),
/// LiquidRange, EmptyValue/BlankValue literals, and allow-listed objects.
/// </summary>
/// <remarks>Signatures fixed up front so filters and engine can be written in parallel; the engine owns the bodies.</remarks>
public static class LiquidValues
{
    /// <summary>Only nil and false are falsy.</summary>
    public static bool IsTruthy(object? value) => value is not null && value is not false;

    /// <summary>The text Liquid outputs for a value (Ruby <c>to_s</c> semantics: nil → "", arrays joined, floats like <c>1.0</c>).</summary>
    public static string ToOutputString(object? value)
    {
        switch (value)
        {
            case null:
                return string.Empty;
            case string s:
                return s;
            case long l:
                return l.ToString(CultureInfo.InvariantCulture);
            case bool b:
                return b ? "true" : "false";
            case double d:
                return FloatFormatter.Format(d);
            case int i:
                return i.ToString(CultureInfo.InvariantCulture);
            case EmptyValue or BlankValue:
                return string.Empty;
            case LiquidRange range:
                return range.ToString();
        }

        var builder = new StringBuilder();
        AppendOutput(builder, value, 0);
        return builder.ToString();
    }

    /// <summary>Appends the output text of <paramref name="value"/>; arrays are flattened and joined without separator.</summary>
    internal static void AppendOutput(StringBuilder builder, object? value, int depth)
    {
        switch (value)
        {
            case null:
                return;
            case string s:
                builder.Append(s);
                return;
            case long l:
                builder.Append(l);
                return;
            case bool b:
                builder.Append(b ? "true" : "false");
                return;
            case double d:
                Span<char> digits = stackalloc char[64];
                builder.Append(digits[..FloatFormatter.Format(d, digits)]);
                return;
            case EmptyValue or BlankValue:
                return;
            case LiquidRange range:
                builder.Append(range.ToString());
                return;
        }

        if (depth > 64)
        {
            return;
        }

        value = ValueNormalizer.Normalize(value);
        switch (value)
        {
            case IDictionary<string, object?> hash:
                HashFormatter.Append(builder, hash, depth);
                return;
            case string or long or double or bool:
                AppendOutput(builder, value, depth);
                return;
            case IEnumerable items:
                foreach (var item in items)
                {
                    AppendOutput(builder, item, depth + 1);
                }

                return;
            case IFormattable formattable:
                builder.Append(formattable.ToString(null, CultureInfo.InvariantCulture));
                return;
            case ILiquidObject:
                return;
            default:
                builder.Append(value?.ToString());
                return;
        }
    }

    /// <summary>Liquid <c>==</c>.</summary>
    public static bool AreEqual(object? left, object? right) => ValueComparer.AreEqual(left, right);

    /// <summary>Liquid ordering for &lt; &gt; (numbers numerically, strings ordinally); null when not comparable.</summary>
    public static int? Compare(object? left, object? right) => ValueComparer.Compare(left, right);

    /// <summary>Converts to a number the way arithmetic filters do: long or double; strings parsed; otherwise 0.</summary>
    public static object ToNumber(object? value) => NumberParser.ToNumber(value);

    /// <summary>Enumerates an array-like value (lists, ranges, hashes as [key, value] pairs); a scalar is a one-item sequence; nil is empty.</summary>
    public static IEnumerable<object?> ToEnumerable(object? value)
    {
        switch (value)
        {
            case null or EmptyValue or BlankValue:
                return [];
            case string:
                return [value];
            case IDictionary<string, object?> hash:
                return HashPairs(hash);
            case IList<object?> list:
                return list;
            case LiquidRange range:
                return range;
        }

        value = ValueNormalizer.Normalize(value);
        return value switch
        {
            IDictionary<string, object?> hash => HashPairs(hash),
            string => [value],
            IEnumerable items => NormalizeItems(items),
            _ => [value],
        };
    }

    /// <summary>Reads a property the way <c>a.b</c> / <c>a["b"]</c> does (hashes, allow-listed members, size/first/last).</summary>
    public static object? GetProperty(object? target, object? key, TemplateContext context) =>
        PropertyReader.Get(target, key, context);

    private static IEnumerable<object?> HashPairs(IDictionary<string, object?> hash)
    {
        foreach (var pair in hash)
        {
            yield return new List<object?> { pair.Key, pair.Value };
        }
    }

    private static IEnumerable<object?> NormalizeItems(IEnumerable items)
    {
        foreach (var item in items)
        {
            yield return ValueNormalizer.Normalize(item);
        }
    }
}
