using OrchardPortal.Liquid.Filters;
using OrchardPortal.Liquid.Values;

namespace OrchardPortal.Liquid.Tests.Filters;

/// <summary>Calls filter delegates directly, the way the renderer does, without parsing a template.</summary>
internal static class FilterTestKit
{
    /// <remarks>A lone <c>null</c> argument binds to the params array itself; it means one nil argument.</remarks>
    public static object? Call(LiquidFilter filter, object? input, params object?[]? arguments) =>
        filter(input, new FilterArguments(arguments ?? [null]), new TemplateContext());

    public static object? CallWith(LiquidFilter filter, TemplateContext context, object? input, params object?[]? arguments) =>
        filter(input, new FilterArguments(arguments ?? [null]), context);

    public static object? CallNamed(LiquidFilter filter, object? input, object?[] arguments, params (string Name, object? Value)[] named)
    {
        var keywords = named.ToDictionary(pair => pair.Name, pair => pair.Value, StringComparer.Ordinal);
        return filter(input, new FilterArguments(arguments, keywords), new TemplateContext());
    }

    /// <summary>What the template would print for the filter's result.</summary>
    public static string Render(LiquidFilter filter, object? input, params object?[]? arguments) =>
        LiquidValues.ToOutputString(Call(filter, input, arguments));

    public static List<object?> List(params object?[] items) => [.. items];

    public static Dictionary<string, object?> Hash(params (string Key, object? Value)[] entries) =>
        entries.ToDictionary(entry => entry.Key, entry => entry.Value, StringComparer.Ordinal);
}

/// <summary>A clock stopped at one instant, for "now"/"today".</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
