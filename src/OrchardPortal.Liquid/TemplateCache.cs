using System.Collections.Concurrent;

namespace OrchardPortal.Liquid;

/// <summary>
/// Parsed templates keyed by name and content: a name whose content changed (a tenant edited a template) is
/// parsed again and replaces the old entry, so the cache holds at most one template per name.
/// Safe for concurrent use.
/// </summary>
public sealed class TemplateCache
{
    private readonly LiquidEnvironment _environment;
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    public TemplateCache(LiquidEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        _environment = environment;
    }

    public int Count => _entries.Count;

    /// <summary>The parsed template for <paramref name="name"/> with this <paramref name="source"/>, parsing it on first use.</summary>
    public LiquidTemplate GetOrParse(string name, string source)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(source);
        if (_entries.TryGetValue(name, out var entry) && (ReferenceEquals(entry.Source, source) || entry.Source == source))
        {
            return entry.Template;
        }

        var template = _environment.Parse(source, name);
        _entries[name] = new Entry(source, template);
        return template;
    }

    public bool Remove(string name) => _entries.TryRemove(name, out _);

    public void Clear() => _entries.Clear();

    private sealed record Entry(string Source, LiquidTemplate Template);
}
