namespace OrchardPortal.Liquid.Filters;

/// <summary>
/// A Liquid filter: receives the value left of the pipe, its arguments and the render context,
/// and returns the new value. Values follow the engine's value model (see <c>Values/LiquidValues</c>):
/// <c>null</c> (nil), <see cref="bool"/>, <see cref="long"/> (integers), <see cref="double"/> (floats),
/// <see cref="string"/>, lists, string-keyed dictionaries, ranges, and allow-listed objects.
/// </summary>
public delegate object? LiquidFilter(object? input, FilterArguments arguments, TemplateContext context);

/// <summary>Positional and keyword arguments passed to a filter, already evaluated.</summary>
public sealed class FilterArguments
{
    private static readonly Dictionary<string, object?> NoNamed = new(StringComparer.Ordinal);

    public static FilterArguments Empty { get; } = new([], NoNamed);

    public FilterArguments(IReadOnlyList<object?> positional, IReadOnlyDictionary<string, object?>? named = null)
    {
        Positional = positional;
        Named = named ?? NoNamed;
    }

    public IReadOnlyList<object?> Positional { get; }

    public IReadOnlyDictionary<string, object?> Named { get; }

    public int Count => Positional.Count;

    /// <summary>The positional argument at <paramref name="index"/>, or nil when absent.</summary>
    public object? At(int index) => index < Positional.Count ? Positional[index] : null;

    public bool HasNamed(string name) => Named.ContainsKey(name);

    public object? NamedOrDefault(string name) => Named.TryGetValue(name, out var value) ? value : null;
}
