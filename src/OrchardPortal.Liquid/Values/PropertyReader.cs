namespace OrchardPortal.Liquid.Values;

/// <summary>Implements <c>a.b</c>, <c>a[0]</c> and the special <c>size</c>/<c>first</c>/<c>last</c> members.</summary>
internal static class PropertyReader
{
    public static object? Get(object? target, object? key, TemplateContext context)
    {
        if (key is int i)
        {
            key = (long)i;
        }

        switch (target)
        {
            case null:
                return null;
            case IDictionary<string, object?> hash:
                return GetFromHash(hash, key);
            case IList<object?> list:
                return GetFromList(list, key);
            case string s:
                return key is "size" ? BoxedValueCache.Box(CountCharacters(s)) : null;
            case LiquidRange range:
                return GetFromRange(range, key);
            case ILiquidObject drop:
                return key is string name && drop.TryGetMember(name, context, out var value) ? ValueNormalizer.Normalize(value) : null;
            case long or double or bool or EmptyValue or BlankValue:
                return null;
        }

        var normalized = ValueNormalizer.Normalize(target);
        if (!ReferenceEquals(normalized, target))
        {
            return Get(normalized, key, context);
        }

        if (key is string member && context.Environment.MemberAccess.TryGetMember(target, member, out var result))
        {
            return result;
        }

        return null;
    }

    /// <summary>True for values the engine reads itself (hashes, lists, scalars, drops); false for host objects read through the allow-list.</summary>
    public static bool IsLiquidValue(object value) =>
        value is string or long or double or bool or IDictionary<string, object?> or IList<object?> or LiquidRange
            or ILiquidObject or EmptyValue or BlankValue or System.Collections.IEnumerable or int;

    /// <summary>Whether <paramref name="key"/> names something on <paramref name="target"/> (used only by strict variables).</summary>
    public static bool Exists(object? target, object? key, TemplateContext context) => target switch
    {
        null => false,
        IDictionary<string, object?> hash => key is string name && (hash.ContainsKey(name) || name is "size" || (name is "first" && hash.Count > 0)),
        IList<object?> list => key is long index ? (index < 0 ? index + list.Count : index) is var i && i >= 0 && i < list.Count : key is "size" or "first" or "last",
        string => key is "size",
        LiquidRange => key is "size" or "first" or "last",
        ILiquidObject drop => key is string name && drop.TryGetMember(name, context, out _),
        _ => key is string member && context.Environment.MemberAccess.TryGetMember(target, member, out _),
    };

    private static object? GetFromHash(IDictionary<string, object?> hash, object? key)
    {
        if (key is string name)
        {
            if (hash.TryGetValue(name, out var value))
            {
                return ValueNormalizer.Normalize(value);
            }

            if (name == "size")
            {
                return BoxedValueCache.Box(hash.Count);
            }

            if (name == "first")
            {
                foreach (var pair in hash)
                {
                    return new List<object?> { pair.Key, pair.Value };
                }
            }
        }

        return null;
    }

    private static object? GetFromList(IList<object?> list, object? key)
    {
        switch (key)
        {
            case long index:
                if (index < 0)
                {
                    index += list.Count;
                }

                return index >= 0 && index < list.Count ? ValueNormalizer.Normalize(list[(int)index]) : null;
            case "size":
                return BoxedValueCache.Box(list.Count);
            case "first":
                return list.Count > 0 ? ValueNormalizer.Normalize(list[0]) : null;
            case "last":
                return list.Count > 0 ? ValueNormalizer.Normalize(list[^1]) : null;
            default:
                return null;
        }
    }

    private static object? GetFromRange(LiquidRange range, object? key) => key switch
    {
        "size" => BoxedValueCache.Box(range.LongCount),
        "first" => BoxedValueCache.Box(range.Start),
        "last" => BoxedValueCache.Box(range.End),
        _ => null,
    };

    /// <summary>Ruby counts characters (code points), not UTF-16 units.</summary>
    internal static int CountCharacters(string s)
    {
        var count = s.Length;
        foreach (var c in s)
        {
            if (char.IsLowSurrogate(c))
            {
                count--;
            }
        }

        return count;
    }
}
