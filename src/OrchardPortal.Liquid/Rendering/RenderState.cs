namespace OrchardPortal.Liquid.Rendering;

/// <summary>
/// Mutable state of one render of one context: the scope stack, counters, cycle positions and the shared budget.
/// A <c>render</c> partial gets its own state (isolated variables and counters) with the same budget and output.
/// </summary>
internal sealed class RenderState
{
    private readonly List<Dictionary<string, object?>> _scopes = [new(StringComparer.Ordinal)];
    private Dictionary<string, long>? _counters;
    private Dictionary<string, int>? _cycles;

    public RenderState(TemplateContext context, RenderState? parent)
    {
        Context = context;
        Budget = parent?.Budget ?? new RenderBudget(context.Limits, context.CancellationToken);
        Depth = parent is null ? 0 : parent.Depth + 1;
    }

    public TemplateContext Context { get; }

    public RenderBudget Budget { get; }

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

    public bool TryGetLocal(string name, out object? value)
    {
        for (var i = _scopes.Count - 1; i >= 0; i--)
        {
            if (_scopes[i].TryGetValue(name, out value))
            {
                return true;
            }
        }

        value = null;
        return false;
    }

    public Dictionary<string, object?> PushScope()
    {
        var scope = new Dictionary<string, object?>(StringComparer.Ordinal);
        _scopes.Add(scope);
        return scope;
    }

    public void PopScope() => _scopes.RemoveAt(_scopes.Count - 1);
}
