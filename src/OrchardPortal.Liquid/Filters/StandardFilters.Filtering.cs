using OrchardPortal.Liquid.Values;
using static OrchardPortal.Liquid.Filters.StandardFilterValues;
using static OrchardPortal.Liquid.Filters.StandardItemIndexer;

namespace OrchardPortal.Liquid.Filters;

/// <remarks>
/// <c>where</c>, <c>reject</c>, <c>find</c>, <c>find_index</c> and <c>has</c> test each item's property: against the
/// second argument with <c>==</c> when one is given (and not nil), for truthiness otherwise. Strings test for a
/// substring. As in Ruby Liquid, meeting an item that has no properties at all (nil, a float, a boolean) makes
/// the whole filter nil, and asking a number for a named property is an error.
/// </remarks>
public static partial class StandardFilters
{
    private enum Selection
    {
        Where,
        Reject,
        Find,
        FindIndex,
        Has,
    }

    public static object? Where(object? input, FilterArguments arguments, TemplateContext context) =>
        Select("where", Selection.Where, input, arguments, context);

    public static object? Reject(object? input, FilterArguments arguments, TemplateContext context) =>
        Select("reject", Selection.Reject, input, arguments, context);

    public static object? Find(object? input, FilterArguments arguments, TemplateContext context) =>
        Select("find", Selection.Find, input, arguments, context);

    public static object? FindIndex(object? input, FilterArguments arguments, TemplateContext context) =>
        Select("find_index", Selection.FindIndex, input, arguments, context);

    public static object? Has(object? input, FilterArguments arguments, TemplateContext context) =>
        Select("has", Selection.Has, input, arguments, context);

    private static object? Select(string filter, Selection selection, object? input, FilterArguments arguments, TemplateContext context)
    {
        ExpectArguments(filter, arguments, 1, 2);
        var property = arguments.At(0);
        var target = arguments.At(1);
        var items = FlatItems(input, context);
        var kept = selection is Selection.Where or Selection.Reject ? new List<object?>() : null;
        if (items.Count == 0)
        {
            return selection == Selection.Has ? false : kept;
        }

        for (var i = 0; i < items.Count; i++)
        {
            switch (Index(items[i], property, context, out var value))
            {
                case IndexOutcome.NotIndexable:
                    return null;
                case IndexOutcome.WrongKeyType:
                    throw PropertyError(filter, property);
            }

            var matches = target is null ? LiquidValues.IsTruthy(value) : LiquidValues.AreEqual(value, target);
            switch (selection)
            {
                case Selection.Where when matches:
                case Selection.Reject when !matches:
                    kept!.Add(items[i]);
                    break;
                case Selection.Find when matches:
                    return items[i];
                case Selection.FindIndex when matches:
                    return (long)i;
                case Selection.Has when matches:
                    return true;
            }
        }

        return selection switch
        {
            Selection.Has => false,
            Selection.Where or Selection.Reject => kept,
            _ => null,
        };
    }
}
