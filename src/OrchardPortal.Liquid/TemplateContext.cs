using System.Globalization;
using OrchardPortal.Liquid.Rendering;
using OrchardPortal.Liquid.Values;

namespace OrchardPortal.Liquid;

/// <summary>
/// The state of one render: variables in scope, options, limits and the services filters may use.
/// One instance per render; never shared between threads.
/// </summary>
public sealed class TemplateContext
{
    private readonly Dictionary<string, object?> _globals;
    private RenderState? _state;
    private Dictionary<string, object?>? _items;

    /// <summary>A context on the shared default environment (standard filters, no partials), for filter tests and simple hosts.</summary>
    public TemplateContext()
        : this(LiquidEnvironment.Default)
    {
    }

    public TemplateContext(LiquidEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        Environment = environment;
        _globals = new Dictionary<string, object?>(StringComparer.Ordinal);
        Limits = environment.Limits;
    }

    /// <summary>A context whose global variables are the entries of <paramref name="model"/>.</summary>
    public TemplateContext(LiquidEnvironment environment, IEnumerable<KeyValuePair<string, object?>> model)
        : this(environment)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var pair in model)
        {
            SetValue(pair.Key, pair.Value);
        }
    }

    /// <summary>The environment whose filters, tags, member allow-list and partials this render uses.</summary>
    public LiquidEnvironment Environment { get; }

    /// <summary>Culture for number and date formatting done by host filters (standard filters are culture-invariant).</summary>
    public CultureInfo Culture { get; set; } = CultureInfo.InvariantCulture;

    /// <summary>Time zone that the <c>date</c> filter converts to.</summary>
    public TimeZoneInfo TimeZone { get; set; } = TimeZoneInfo.Utc;

    /// <summary>Clock used for <c>"now"</c> and <c>"today"</c>.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Referencing an undefined variable or member is an error instead of nil.</summary>
    public bool StrictVariables { get; set; }

    /// <summary>Calling an unknown filter is an error instead of passing the input through.</summary>
    public bool StrictFilters { get; set; }

    /// <summary>HTML-encode every <c>{{ }}</c> output unless its last filter is <c>raw</c>. Turn on for pages, off for plain-text email.</summary>
    public bool HtmlEncode { get; set; }

    /// <summary>Stops the render with an <see cref="OperationCanceledException"/> when cancelled.</summary>
    public CancellationToken CancellationToken { get; set; }

    /// <summary>Sandbox limits for this render; defaults to the environment's.</summary>
    public LiquidLimits Limits { get; set; }

    /// <summary>Sets a global variable; CLR numbers, collections and dictionaries are converted to Liquid values.</summary>
    public void SetValue(string name, object? value)
    {
        ArgumentNullException.ThrowIfNull(name);
        _globals[name] = ValueNormalizer.Normalize(value);
    }

    /// <summary>Reads a variable the way a template would: innermost scope first, then assigns, then globals.</summary>
    public object? GetValue(string name)
    {
        TryGetVariable(name, out var value);
        return value;
    }

    /// <summary>Free-form state for host filters and tags during a render (e.g. the layout a theme tag selected).</summary>
    public IDictionary<string, object?> Items => _items ??= new Dictionary<string, object?>(StringComparer.Ordinal);

    internal Dictionary<string, object?> Globals => _globals;

    internal void BeginRender(RenderState state) => _state = state;

    private bool TryGetVariable(string name, out object? value)
    {
        if (_state is not null)
        {
            return _state.TryGetVariable(name, out value);
        }

        return _globals.TryGetValue(name, out value);
    }
}
