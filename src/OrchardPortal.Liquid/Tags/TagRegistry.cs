using System.Diagnostics.CodeAnalysis;
using OrchardPortal.Liquid.Filters;

namespace OrchardPortal.Liquid.Tags;

/// <summary>Renders a host-defined tag such as <c>{% render_body %}</c>. Arguments are evaluated like filter arguments.</summary>
public delegate void LiquidTagRenderer(FilterArguments arguments, TemplateContext context, TextWriter output);

/// <summary>Renders a host-defined block such as <c>{% layout 'main' %}...{% endlayout %}</c>; <paramref name="body"/> renders the content.</summary>
public delegate void LiquidBlockRenderer(FilterArguments arguments, LiquidBlockBody body, TemplateContext context, TextWriter output);

/// <summary>
/// Host-defined tags. Markup after the tag name is a list of arguments like a filter's
/// (<c>{% section 'header', cache: true %}</c>). Register before parsing: tags are resolved when a template is parsed.
/// </summary>
public sealed class TagRegistry
{
    private readonly Dictionary<string, CustomTag> _tags = new(StringComparer.Ordinal);

    /// <summary>Adds a tag without body. <paramref name="isBlank"/>: the tag writes nothing, so whitespace around it may be dropped.</summary>
    public void AddTag(string name, LiquidTagRenderer renderer, bool isBlank = false)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(renderer);
        _tags[name] = new CustomTag(name, renderer, null, isBlank);
    }

    /// <summary>Adds a block tag closed by <c>end{name}</c>.</summary>
    public void AddBlock(string name, LiquidBlockRenderer renderer)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(renderer);
        _tags[name] = new CustomTag(name, null, renderer, false);
    }

    public bool Contains(string name) => _tags.ContainsKey(name);

    internal bool TryGetCustom(string name, [NotNullWhen(true)] out CustomTag? tag) => _tags.TryGetValue(name, out tag);
}

internal sealed record CustomTag(string Name, LiquidTagRenderer? Simple, LiquidBlockRenderer? Block, bool IsBlank);
