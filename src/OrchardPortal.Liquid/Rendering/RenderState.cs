using OrchardPortal.Liquid.Values;

namespace OrchardPortal.Liquid.Rendering;

/// <summary>
/// Mutable state of one render of one template: the scope stack, counters, cycle positions, plus the budget and
/// output shared with partials. A <c>render</c> partial gets its own state (isolated variables and counters);
/// <c>include</c> shares its caller's.
/// </summary>
internal sealed class RenderState
{
    private readonly List<Dictionary<string, object?>> _scopes = [new(StringComparer.Ordinal)];
    private readonly Dictionary<string, object?> _globals;
    private Dictionary<string, long>? _counters;
    private Dictionary<string, int>? _cycles;
    private Dictionary<string, long>? _forOffsets;

    public RenderState(TemplateContext context, RenderState? parent, OutputBuffer output)
    {
        Context = context;
        _globals = context.Globals;
        Output = output;
        Budget = parent?.Budget ?? new RenderBudget(context.Limits, context.CancellationToken);
        Depth = parent is null ? 0 : parent.Depth + 1;
    }

    public TemplateContext Context { get; }

    public RenderBudget Budget { get; }

    public OutputBuffer Output { get; }

    /// <summary>Nesting of render/include.</summary>
    public int Depth { get; set; }

    /// <summary>The last output of an <c>ifchanged</c> block.</summary>
    public string? LastIfChanged { get; set; }

    /// <summary>The innermost <c>forloop</c> object, the next loop's <c>parentloop</c>.</summary>
    public object? CurrentForLoop { get; set; }

    /// <summary>The root scope, where <c>assign</c> and <c>capture</c> write.</summary>
    public Dictionary<string, object?> RootScope => _scopes[0];

    public Dictionary<string, long> Counters => _counters ??= new(StringComparer.Ordinal);

    public Dictionary<string, int> Cycles => _cycles ??= new(StringComparer.Ordinal);

    /// <summary>Where each named loop stopped, for <c>offset: continue</c>.</summary>
    public Dictionary<string, long> ForOffsets => _forOffsets ??= new(StringComparer.Ordinal);

    /// <summary>Variable lookup: innermost scope first, then assigns, then counters, then the host's globals.</summary>
    public bool TryGetVariable(string name, out object? value)
    {
        var scopes = _scopes;
        for (var i = scopes.Count - 1; i >= 0; i--)
        {
            if (scopes[i].TryGetValue(name, out value))
            {
                return true;
            }
        }

        if (_counters is not null && _counters.TryGetValue(name, out var counter))
        {
            value = BoxedValueCache.Box(counter);
            return true;
        }

        return _globals.TryGetValue(name, out value);
    }

    public Dictionary<string, object?> PushScope()
    {
        var scope = new Dictionary<string, object?>(StringComparer.Ordinal);
        _scopes.Add(scope);
        return scope;
    }

    public void PopScope() => _scopes.RemoveAt(_scopes.Count - 1);

    /// <summary>Stops values built by assign/capture from growing past the assign-size limit.</summary>
    public void CheckAssignSize(object? value)
    {
        var limit = Budget.Limits.MaxAssignSize;
        var size = value switch
        {
            string s => s.Length,
            ICollection<object?> list => list.Count,
            _ => 0,
        };
        if (size > limit)
        {
            throw new LiquidLimitException(LiquidLimits.AssignSizeName, limit);
        }
    }
}
