using OrchardPortal.Liquid.Filters;
using OrchardPortal.Liquid.Rendering;
using OrchardPortal.Liquid.Values;

namespace OrchardPortal.Liquid.Ast;

/// <summary>
/// One <c>| name: args</c> step. The filter delegate is resolved when the template is parsed; arguments that are
/// all literals are evaluated once at parse time too, so most filter calls allocate nothing for their arguments.
/// </summary>
internal sealed class FilterCall
{
    private readonly Expression[] _positional;
    private readonly KeyValuePair<string, Expression>[] _named;
    private readonly FilterArguments? _constantArguments;

    public FilterCall(string name, LiquidFilter? filter, Expression[] positional, KeyValuePair<string, Expression>[] named)
    {
        Name = name;
        Filter = filter;
        _positional = positional;
        _named = named;
        if (Array.TrueForAll(positional, static p => p is LiteralExpression) && Array.TrueForAll(named, static n => n.Value is LiteralExpression))
        {
            _constantArguments = positional.Length == 0 && named.Length == 0
                ? FilterArguments.Empty
                : BuildArguments(null);
        }
    }

    public string Name { get; }

    public LiquidFilter? Filter { get; }

    public FilterArguments GetArguments(RenderState state) => _constantArguments ?? BuildArguments(state);

    private FilterArguments BuildArguments(RenderState? state)
    {
        var positional = new object?[_positional.Length];
        for (var i = 0; i < positional.Length; i++)
        {
            positional[i] = Evaluate(_positional[i], state);
        }

        Dictionary<string, object?>? named = null;
        if (_named.Length > 0)
        {
            named = new Dictionary<string, object?>(_named.Length, StringComparer.Ordinal);
            foreach (var pair in _named)
            {
                named[pair.Key] = Evaluate(pair.Value, state);
            }
        }

        return new FilterArguments(positional, named);
    }

    private static object? Evaluate(Expression expression, RenderState? state) =>
        state is null ? ((LiteralExpression)expression).Value : expression.Evaluate(state);
}

/// <summary><c>input | filter | filter: arg</c>.</summary>
internal sealed class FilterExpression : Expression
{
    private readonly Expression _input;
    private readonly FilterCall[] _filters;

    public FilterExpression(Expression input, FilterCall[] filters)
    {
        _input = input;
        _filters = filters;
    }

    /// <summary>True when the last filter is <c>raw</c>, which exempts the output from HTML encoding.</summary>
    public bool EndsWithRaw => _filters.Length > 0 && _filters[^1].Name == "raw";

    public override object? Evaluate(RenderState state)
    {
        var value = _input.Evaluate(state);
        var context = state.Context;
        foreach (var call in _filters)
        {
            var filter = call.Filter;
            if (filter is null && !context.Environment.Filters.TryGet(call.Name, out filter))
            {
                if (context.StrictFilters)
                {
                    throw new LiquidRenderException($"Undefined filter '{call.Name}'.");
                }

                continue;
            }

            if (value is LiquidRange range && range.LongCount > state.Budget.Limits.MaxLoopIterations)
            {
                throw new LiquidLimitException(LiquidLimits.LoopIterationsName, state.Budget.Limits.MaxLoopIterations);
            }

            state.Budget.Step();
            try
            {
                value = filter(value, call.GetArguments(state), context);
            }
            catch (Exception exception) when (exception is not LiquidException and not OperationCanceledException)
            {
                throw new LiquidRenderException($"Filter '{call.Name}' failed: {exception.Message}", exception);
            }

            // No single value may outgrow what a whole render may write; stops filter chains from snowballing.
            if (value is string { Length: var length } && length > state.Budget.Limits.MaxOutputSize)
            {
                throw new LiquidLimitException(LiquidLimits.OutputSizeName, state.Budget.Limits.MaxOutputSize);
            }
        }

        return value;
    }
}
