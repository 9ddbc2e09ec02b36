using System.Collections;
using OrchardPortal.Liquid.Values;
using static OrchardPortal.Liquid.Filters.StandardFilterValues;

namespace OrchardPortal.Liquid.Filters;

public static partial class StandardFilters
{
    /// <summary>
    /// The argument (or an empty string) when the input is nil, false or empty (<c>""</c>, <c>[]</c>, <c>{}</c>).
    /// With <c>allow_false: true</c>, a false input is kept.
    /// </summary>
    public static object? Default(object? input, FilterArguments arguments, TemplateContext context)
    {
        ExpectArguments("default", arguments, 0, 1, acceptsNamed: true);
        var allowFalse = LiquidValues.IsTruthy(arguments.NamedOrDefault("allow_false"));
        var missing = allowFalse ? input is null : !LiquidValues.IsTruthy(input);
        if (missing || IsEmpty(input))
        {
            return arguments.Count > 0 ? arguments.At(0) : string.Empty;
        }

        return input;
    }

    private static bool IsEmpty(object? value) => Normalize(value) switch
    {
        string text => text.Length == 0,
        EmptyValue or BlankValue => true,
        IDictionary<string, object?> hash => hash.Count == 0,
        ICollection collection => collection.Count == 0,
        ICollection<object?> items => items.Count == 0,
        _ => false,
    };
}
