using static OrchardPortal.Liquid.Filters.StandardFilterValues;
using static OrchardPortal.Liquid.Filters.StandardItemIndexer;

namespace OrchardPortal.Liquid.Filters;

public static partial class StandardFilters
{
    /// <summary>
    /// Sorts numbers numerically and strings by code point (upper case first), nil last; with a property, sorts
    /// items by that property. Mixing values that cannot be ordered (a number and a string) is an error.
    /// </summary>
    public static object? Sort(object? input, FilterArguments arguments, TemplateContext context)
    {
        ExpectArguments("sort", arguments, 0, 1);
        return SortBy("sort", input, arguments.At(0), context, StandardValueOrdering.NilSafeCompare);
    }

    /// <summary>Sorts by the values' text, ignoring ASCII case; nil last.</summary>
    public static object? SortNatural(object? input, FilterArguments arguments, TemplateContext context)
    {
        ExpectArguments("sort_natural", arguments, 0, 1);
        return SortBy("sort_natural", input, arguments.At(0), context, StandardValueOrdering.NilSafeCaseCompare);
    }

    private static List<object?>? SortBy(string filter, object? input, object? property, TemplateContext context, Comparison<object?> compare)
    {
        var items = Flatten(input, context);
        if (items.Count < 2)
        {
            return items;
        }

        var entries = new KeyValuePair<object?, object?>[items.Count];
        for (var i = 0; i < items.Count; i++)
        {
            var key = items[i];
            if (property is not null)
            {
                switch (Index(items[i], property, context, out key))
                {
                    case IndexOutcome.NotIndexable:
                        // Ruby Liquid gives nil when some item has no properties at all.
                        return null;
                    case IndexOutcome.WrongKeyType:
                        throw PropertyError(filter, property);
                }
            }

            entries[i] = new KeyValuePair<object?, object?>(key, items[i]);
        }

        StandardValueOrdering.StableSort(entries, compare);
        for (var i = 0; i < entries.Length; i++)
        {
            items[i] = entries[i].Value;
        }

        return items;
    }
}
