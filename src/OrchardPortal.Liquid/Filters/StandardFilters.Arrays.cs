using System.Text;
using OrchardPortal.Liquid.Values;
using static OrchardPortal.Liquid.Filters.StandardFilterValues;
using static OrchardPortal.Liquid.Filters.StandardItemIndexer;

namespace OrchardPortal.Liquid.Filters;

/// <remarks>
/// Array filters see their input through Liquid's input iterator: nested arrays are flattened, a hash or a
/// scalar acts as a one-item array and nil as an empty one (see <see cref="StandardFilterValues.Flatten"/>).
/// </remarks>
public static partial class StandardFilters
{
    /// <summary>Joins the items' text with the glue (a space by default, nothing when the glue is nil).</summary>
    public static object? Join(object? input, FilterArguments arguments, TemplateContext context)
    {
        ExpectArguments("join", arguments, 0, 1);
        var glue = arguments.Count > 0 ? ToText(arguments.At(0)) : " ";
        if (input is string text)
        {
            return text;
        }

        var items = FlatItems(input, context);
        if (items.Count <= 1)
        {
            return items.Count == 0 ? string.Empty : ToText(items[0]);
        }

        var builder = new StringBuilder();
        for (var i = 0; i < items.Count; i++)
        {
            if (i > 0)
            {
                builder.Append(glue);
            }

            builder.Append(ToText(items[i]));
            if (builder.Length > context.Limits.MaxOutputSize)
            {
                EnsureOutputSize(builder.Length, context);
            }
        }

        return builder.ToString();
    }

    /// <summary>The first item of an array or range, or the first [key, value] pair of a hash.</summary>
    public static object? First(object? input, FilterArguments arguments, TemplateContext context)
    {
        ExpectArguments("first", arguments, 0, 0);
        switch (Normalize(input))
        {
            case IList<object?> list:
                return list.Count > 0 ? Normalize(list[0]) : null;
            case LiquidRange range:
                return range.Count > 0 ? range.Start : null;
            case IDictionary<string, object?> hash:
                foreach (var pair in hash)
                {
                    return new List<object?> { pair.Key, Normalize(pair.Value) };
                }

                return null;
            default:
                return null;
        }
    }

    /// <summary>The last item of an array or range; nil for anything else (hashes and strings have no last).</summary>
    public static object? Last(object? input, FilterArguments arguments, TemplateContext context)
    {
        ExpectArguments("last", arguments, 0, 0);
        return Normalize(input) switch
        {
            IList<object?> list => list.Count > 0 ? Normalize(list[^1]) : null,
            LiquidRange range => range.Count > 0 ? range.End : null,
            _ => null,
        };
    }

    public static object? Reverse(object? input, FilterArguments arguments, TemplateContext context)
    {
        ExpectArguments("reverse", arguments, 0, 0);
        var items = Flatten(input, context);
        items.Reverse();
        return items;
    }

    /// <summary>The (flattened) input followed by the items of the argument, which must be an array.</summary>
    public static object? Concat(object? input, FilterArguments arguments, TemplateContext context)
    {
        ExpectArguments("concat", arguments, 1, 1);
        if (Normalize(arguments.At(0)) is not IList<object?> other)
        {
            throw FilterError("concat", "concat filter requires an array argument");
        }

        var items = Flatten(input, context);
        EnsureCanMaterialize((long)items.Count + other.Count, context);
        foreach (var item in other)
        {
            items.Add(Normalize(item));
        }

        return items;
    }

    /// <summary>Drops nil items, or with a property, items whose property is nil.</summary>
    public static object? Compact(object? input, FilterArguments arguments, TemplateContext context)
    {
        ExpectArguments("compact", arguments, 0, 1);
        var items = FlatItems(input, context);
        var property = arguments.At(0);
        var kept = new List<object?>(items.Count);
        foreach (var item in items)
        {
            var value = property is null ? item : PropertyOf("compact", item, property, context);
            if (value is not null)
            {
                kept.Add(item);
            }
        }

        return kept;
    }

    /// <summary>Removes duplicates (by value, as Ruby's <c>eql?</c>: 1 and 1.0 differ), optionally by a property.</summary>
    public static object? Uniq(object? input, FilterArguments arguments, TemplateContext context)
    {
        ExpectArguments("uniq", arguments, 0, 1);
        var items = FlatItems(input, context);
        var property = arguments.At(0);
        var byProperty = arguments.Count > 0 && property is not null;
        var seen = new HashSet<object?>(StandardValueEquality.Instance);
        var unique = new List<object?>(items.Count);
        foreach (var item in items)
        {
            var key = byProperty ? PropertyOf("uniq", item, property, context) : item;
            if (seen.Add(key))
            {
                unique.Add(item);
            }
        }

        return unique;
    }

    /// <summary>Each item's property (nil for items that have none); items of the wrong kind are an error.</summary>
    public static object? Map(object? input, FilterArguments arguments, TemplateContext context)
    {
        ExpectArguments("map", arguments, 1, 1);
        var property = arguments.At(0);
        var items = FlatItems(input, context);
        var mapped = new List<object?>(items.Count);
        foreach (var item in items)
        {
            mapped.Add(property is "to_liquid" ? item : PropertyOf("map", item, property, context));
        }

        return mapped;
    }

    /// <summary>Adds the items (or their property) as numbers; integers stay integers unless a float is involved.</summary>
    public static object? Sum(object? input, FilterArguments arguments, TemplateContext context)
    {
        ExpectArguments("sum", arguments, 0, 1);
        var property = arguments.At(0);
        var items = FlatItems(input, context);
        if (property is not null)
        {
            var values = new List<object?>(items.Count);
            foreach (var item in items)
            {
                values.Add(SumOperand(item, property, context));
            }

            // Property values that are arrays are summed item by item, as Liquid flattens them too.
            items = Flatten(values, context);
        }

        object total = 0L;
        foreach (var item in items)
        {
            total = StandardFilterNumbers.Apply("sum", total, item, StandardFilterNumbers.Operation.Add);
        }

        return total;
    }

    private static object? SumOperand(object? item, object? property, TemplateContext context) =>
        Index(item, property, context, out var value) switch
        {
            IndexOutcome.Value => value,
            IndexOutcome.NotIndexable => 0L,
            _ => throw PropertyError("sum", property),
        };

    /// <summary>Ruby's <c>item[property]</c> where an item without <c>[]</c> simply has no value.</summary>
    private static object? PropertyOf(string filter, object? item, object? property, TemplateContext context) =>
        Index(item, property, context, out var value) switch
        {
            IndexOutcome.Value => value,
            IndexOutcome.NotIndexable => null,
            _ => throw PropertyError(filter, property),
        };
}
