using OrchardPortal.Liquid.Values;

namespace OrchardPortal.Liquid.Filters;

/// <summary>How Ruby's <c>item[property]</c> turned out for one item.</summary>
internal enum IndexOutcome
{
    /// <summary>The item answered (possibly with nil).</summary>
    Value,

    /// <summary>The item has no <c>[]</c> at all (nil, floats, booleans): Ruby raises NoMethodError.</summary>
    NotIndexable,

    /// <summary>The item has <c>[]</c> but not for this key type (e.g. <c>1["a"]</c>): Ruby raises TypeError.</summary>
    WrongKeyType,
}

/// <summary>
/// Ruby's <c>item[property]</c> for the filters that take a property name (<c>map</c>, <c>where</c>, <c>sort</c>, ...):
/// hashes look the key up, strings answer substrings, integers answer bits, arrays take integer indexes, and
/// allow-listed objects go through <see cref="LiquidValues.GetProperty"/>.
/// </summary>
internal static class StandardItemIndexer
{
    /// <summary>Ruby's <c>item[property]</c>, which the filters that take a property name use.</summary>
    public static IndexOutcome Index(object? item, object? property, TemplateContext context, out object? value)
    {
        value = null;
        switch (item)
        {
            case null or bool or double or EmptyValue or BlankValue:
                return IndexOutcome.NotIndexable;
            case IDictionary<string, object?> hash:
                if (property is string key && hash.TryGetValue(key, out var found))
                {
                    value = StandardFilterValues.Normalize(found);
                }

                return IndexOutcome.Value;
            case string text:
                return IndexString(text, property, out value);
            case long number:
                if (property is not long bit)
                {
                    return IndexOutcome.WrongKeyType;
                }

                // Integer#[] reads a bit, which is what Ruby Liquid does for arrays of numbers.
                value = bit is >= 0 and < 64 ? (number >> (int)bit) & 1 : (number < 0 ? 1L : 0L);
                return IndexOutcome.Value;
            case IList<object?> list:
                if (property is not long position)
                {
                    return IndexOutcome.WrongKeyType;
                }

                position = position < 0 ? position + list.Count : position;
                value = position >= 0 && position < list.Count ? StandardFilterValues.Normalize(list[(int)position]) : null;
                return IndexOutcome.Value;
            case LiquidRange:
                return IndexOutcome.NotIndexable;
        }

        value = LiquidValues.GetProperty(item, property, context);
        return IndexOutcome.Value;
    }

    private static IndexOutcome IndexString(string text, object? property, out object? value)
    {
        value = null;
        switch (property)
        {
            case string part:
                value = text.Contains(part, StringComparison.Ordinal) ? part : null;
                return IndexOutcome.Value;
            case long position:
                position = position < 0 ? position + text.Length : position;
                value = position >= 0 && position < text.Length ? text[(int)position].ToString() : null;
                return IndexOutcome.Value;
            case null:
                // Ruby raises here, but Shopify renders nothing for e.g. `reject: undefined` over strings.
                return IndexOutcome.NotIndexable;
            default:
                return IndexOutcome.WrongKeyType;
        }
    }

    public static LiquidRenderException PropertyError(string filter, object? property) =>
        new($"Liquid error: {filter}: cannot select the property '{StandardFilterValues.ToText(property)}'");
}
