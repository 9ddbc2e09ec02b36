using System.Diagnostics.CodeAnalysis;

namespace OrchardPortal.Liquid.Filters;

/// <summary>
/// Filters by name (case-sensitive, as in Liquid). Filled by the host before templates are parsed:
/// the parser resolves filter names to delegates once, so registering a filter after parsing
/// does not change already parsed templates.
/// </summary>
public sealed class FilterRegistry
{
    private readonly Dictionary<string, LiquidFilter> _filters = new(StringComparer.Ordinal);

    /// <summary>Adds a filter, replacing any filter already registered under that name.</summary>
    public void Add(string name, LiquidFilter filter)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(filter);
        _filters[name] = filter;
    }

    public bool TryGet(string name, [NotNullWhen(true)] out LiquidFilter? filter) => _filters.TryGetValue(name, out filter);

    public bool Contains(string name) => _filters.ContainsKey(name);

    public bool Remove(string name) => _filters.Remove(name);

    public IEnumerable<string> Names => _filters.Keys;
}
