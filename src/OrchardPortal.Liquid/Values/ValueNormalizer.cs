using System.Collections;

namespace OrchardPortal.Liquid.Values;

/// <summary>
/// Maps host CLR values onto the Liquid value model (long, double, string, lists, string-keyed hashes)
/// so the rest of the engine only deals with a handful of types.
/// </summary>
internal static class ValueNormalizer
{
    public static object? Normalize(object? value)
    {
        switch (value)
        {
            case null or string or long or double or bool:
                return value;
            case int i:
                return BoxedValueCache.Box((long)i);
            case IDictionary<string, object?> or IList<object?> or LiquidRange or EmptyValue or BlankValue or ILiquidObject:
                return value;
            case short s:
                return BoxedValueCache.Box((long)s);
            case byte b:
                return BoxedValueCache.Box((long)b);
            case sbyte sb:
                return BoxedValueCache.Box((long)sb);
            case ushort us:
                return BoxedValueCache.Box((long)us);
            case uint ui:
                return BoxedValueCache.Box((long)ui);
            case ulong ul:
                return ul <= long.MaxValue ? BoxedValueCache.Box((long)ul) : (double)ul;
            case float f:
                return (double)f;
            case decimal m:
                return (double)m;
            case char c:
                return c.ToString();
            case Enum e:
                return e.ToString();
            case DateTime or DateTimeOffset or DateOnly or TimeOnly or TimeSpan or Guid:
                return value;
            case IDictionary dictionary:
                return CopyDictionary(dictionary);
            case IList list:
                return new ListAdapter(list);
            case IEnumerable items:
                return CopyList(items);
            default:
                return value;
        }
    }

    private static Dictionary<string, object?> CopyDictionary(IDictionary dictionary)
    {
        var copy = new Dictionary<string, object?>(dictionary.Count, StringComparer.Ordinal);
        foreach (DictionaryEntry entry in dictionary)
        {
            var key = entry.Key as string ?? LiquidValues.ToOutputString(Normalize(entry.Key));
            copy[key] = Normalize(entry.Value);
        }

        return copy;
    }

    private static List<object?> CopyList(IEnumerable items)
    {
        var copy = items is ICollection collection ? new List<object?>(collection.Count) : [];
        foreach (var item in items)
        {
            copy.Add(Normalize(item));
        }

        return copy;
    }
}
