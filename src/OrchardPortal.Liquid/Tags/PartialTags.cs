using System.Runtime.CompilerServices;
using OrchardPortal.Liquid.Ast;
using OrchardPortal.Liquid.Parsing;
using OrchardPortal.Liquid.Rendering;
using OrchardPortal.Liquid.Values;

namespace OrchardPortal.Liquid.Tags;

/// <summary>
/// <c>{% render 'name' %}</c>: renders a partial in an isolated scope. It sees the host's global values and its own
/// arguments, never the caller's assigns, loop variables or counters.
/// </summary>
internal sealed class RenderTag : Node
{
    private readonly string _name;
    private readonly PartialArguments _arguments;

    private RenderTag(string name, PartialArguments arguments)
    {
        _name = name;
        _arguments = arguments;
    }

    public static Node Parse(TemplateParser parser, Token token)
    {
        var expressions = parser.Expressions(token);
        var name = expressions.Expect(MarkupKind.String, "a quoted partial name").Text;
        var arguments = PartialArguments.Parse(expressions);
        return new RenderTag(name, arguments);
    }

    public override Completion Render(RenderState state)
    {
        var template = PartialLoader.Load(state, _name);
        var variable = _arguments.Alias ?? _name;
        var bound = _arguments.Bound?.Evaluate(state);
        if (_arguments.IsFor && bound is IList<object?> or LiquidRange)
        {
            var segment = LoopSegment.Create(bound, 0, null, false);
            var loop = new ForLoopObject(variable, segment.Count, null);
            for (long i = 0; i < segment.Count; i++)
            {
                state.Budget.LoopIteration();
                loop.Index0 = i;
                var child = CreateChild(state);
                child.RootScope["forloop"] = loop;
                child.RootScope[variable] = segment[i];
                template.Root.Render(child);
            }

            return Completion.Normal;
        }

        var single = CreateChild(state);
        if (_arguments.Bound is not null)
        {
            single.RootScope[variable] = bound;
        }

        template.Root.Render(single);
        return Completion.Normal;
    }

    private RenderState CreateChild(RenderState state)
    {
        var child = new RenderState(state.Context, state, state.Output);
        foreach (var pair in _arguments.Named)
        {
            child.RootScope[pair.Key] = pair.Value.Evaluate(state);
        }

        return child;
    }
}

/// <summary><c>{% include name %}</c>: renders a partial in the caller's scope (assigns leak both ways, as in Liquid).</summary>
internal sealed class IncludeTag : Node
{
    private readonly Expression _name;
    private readonly PartialArguments _arguments;

    private IncludeTag(Expression name, PartialArguments arguments)
    {
        _name = name;
        _arguments = arguments;
    }

    public static Node Parse(TemplateParser parser, Token token)
    {
        var expressions = parser.Expressions(token);
        var name = expressions.ParsePrimary();
        var arguments = PartialArguments.Parse(expressions);
        return new IncludeTag(name, arguments);
    }

    public override Completion Render(RenderState state)
    {
        var name = LiquidValues.ToOutputString(_name.Evaluate(state));
        var template = PartialLoader.Load(state, name);
        var variable = _arguments.Alias ?? name;
        var bound = _arguments.Bound?.Evaluate(state);
        var scope = state.PushScope();
        state.Depth++;
        try
        {
            foreach (var pair in _arguments.Named)
            {
                scope[pair.Key] = pair.Value.Evaluate(state);
            }

            if (_arguments.IsFor && bound is IList<object?> or LiquidRange)
            {
                var segment = LoopSegment.Create(bound, 0, null, false);
                for (long i = 0; i < segment.Count; i++)
                {
                    state.Budget.LoopIteration();
                    scope[variable] = segment[i];
                    var completion = template.Root.Render(state);
                    if (completion != Completion.Normal)
                    {
                        return completion;
                    }
                }

                return Completion.Normal;
            }

            if (_arguments.Bound is not null)
            {
                scope[variable] = bound;
            }

            return template.Root.Render(state);
        }
        finally
        {
            state.Depth--;
            state.PopScope();
        }
    }
}

/// <summary>Loads a partial for render/include, enforcing the nesting limit and keeping deep recursion off the stack's edge.</summary>
internal static class PartialLoader
{
    public static LiquidTemplate Load(RenderState state, string name)
    {
        var limit = state.Budget.Limits.MaxRenderDepth;
        if (state.Depth >= limit)
        {
            throw new LiquidLimitException(LiquidLimits.RenderDepthName, limit);
        }

        RuntimeHelpers.EnsureSufficientExecutionStack();
        return state.Context.Environment.LoadPartial(name);
    }
}
