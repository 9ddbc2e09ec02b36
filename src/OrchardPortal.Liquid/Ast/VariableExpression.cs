using OrchardPortal.Liquid.Rendering;
using OrchardPortal.Liquid.Values;

namespace OrchardPortal.Liquid.Ast;

/// <summary>One step of a variable path: a constant name or index, or a bracketed expression.</summary>
internal readonly record struct PathSegment(object? Constant, Expression? Dynamic);

/// <summary><c>a.b[0]["c"][d]</c>: a root variable (by name, or a bracketed expression) followed by lookups.</summary>
internal sealed class VariableExpression : Expression
{
    private readonly string? _rootName;
    private readonly Expression? _rootExpression;
    private readonly PathSegment[] _segments;

    // One-entry inline cache per segment for allow-listed CLR objects: the type last seen here and its getter.
    // Replaced atomically as a whole object, so concurrent renders at worst miss the cache.
    private readonly MemberCache?[] _memberCaches;

    public VariableExpression(string? rootName, Expression? rootExpression, PathSegment[] segments)
    {
        _rootName = rootName;
        _rootExpression = rootExpression;
        _segments = segments;
        _memberCaches = new MemberCache?[segments.Length];
    }

    public string? RootName => _rootName;

    public int SegmentCount => _segments.Length;

    public override object? Evaluate(RenderState state)
    {
        object? value;
        if (_rootName is not null)
        {
            if (!state.TryGetVariable(_rootName, out value) && state.Context.StrictVariables)
            {
                throw new LiquidRenderException($"Undefined variable '{_rootName}'.");
            }
        }
        else
        {
            var name = _rootExpression!.Evaluate(state);
            if (!state.TryGetVariable(LiquidValues.ToOutputString(name), out value) && state.Context.StrictVariables)
            {
                throw new LiquidRenderException($"Undefined variable '{LiquidValues.ToOutputString(name)}'.");
            }
        }

        var segments = _segments;
        for (var i = 0; i < segments.Length; i++)
        {
            var key = segments[i].Dynamic is { } dynamic ? dynamic.Evaluate(state) : segments[i].Constant;
            if (_memberCaches[i] is { } cache && value is not null && value.GetType() == cache.Type)
            {
                value = cache.Getter(value);
                continue;
            }

            if (key is string member && value is not null && !PropertyReader.IsLiquidValue(value)
                && state.Context.Environment.MemberAccess.FindGetter(value.GetType(), member) is { } getter)
            {
                _memberCaches[i] = new MemberCache(value.GetType(), getter);
                value = getter(value);
                continue;
            }

            var next = PropertyReader.Get(value, key, state.Context);
            if (next is null && state.Context.StrictVariables && !PropertyReader.Exists(value, key, state.Context))
            {
                throw new LiquidRenderException($"Undefined variable '{LiquidValues.ToOutputString(key)}'.");
            }

            value = next;
        }

        return value;
    }
}

internal sealed record MemberCache(Type Type, Func<object, object?> Getter);

/// <summary><c>(start..end)</c>; bounds are converted to integers like Ruby's <c>to_i</c>.</summary>
internal sealed class RangeExpression : Expression
{
    private readonly Expression _start;
    private readonly Expression _end;

    public RangeExpression(Expression start, Expression end)
    {
        _start = start;
        _end = end;
    }

    public override object? Evaluate(RenderState state) =>
        new LiquidRange(ToInteger(_start.Evaluate(state)), ToInteger(_end.Evaluate(state)));

    public static long ToInteger(object? value) => LiquidValues.ToNumber(value) switch
    {
        long l => l,
        double d when double.IsNaN(d) => 0,
        double d => (long)Math.Clamp(Math.Truncate(d), long.MinValue, long.MaxValue),
        _ => 0,
    };
}
