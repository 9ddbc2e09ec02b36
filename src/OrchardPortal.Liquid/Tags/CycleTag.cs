using OrchardPortal.Liquid.Ast;
using OrchardPortal.Liquid.Parsing;
using OrchardPortal.Liquid.Rendering;
using OrchardPortal.Liquid.Values;

namespace OrchardPortal.Liquid.Tags;

/// <summary>
/// <c>{% cycle 'a', 'b' %}</c> / <c>{% cycle group: 'a', 'b' %}</c>: outputs the next value of a group each time.
/// Unnamed cycles are grouped by their values as written; a named group's name is an expression evaluated at render.
/// </summary>
internal sealed class CycleTag : Node
{
    private readonly Expression? _group;
    private readonly string _unnamedKey;
    private readonly Expression[] _values;

    private CycleTag(Expression? group, string unnamedKey, Expression[] values)
    {
        _group = group;
        _unnamedKey = unnamedKey;
        _values = values;
    }

    public static Node Parse(TemplateParser parser, Token token)
    {
        var expressions = parser.Expressions(token);
        var start = expressions.Position;
        var first = expressions.ParsePrimary();
        Expression? group = null;
        var values = new List<Expression>();
        if (expressions.Accept(MarkupKind.Colon))
        {
            group = first;
            start = expressions.Position;
            values.Add(expressions.ParsePrimary());
        }
        else
        {
            values.Add(first);
        }

        while (expressions.Accept(MarkupKind.Comma))
        {
            values.Add(expressions.ParsePrimary());
        }

        var key = "\u0002" + expressions.TextBetween(start, expressions.Position);
        expressions.ExpectEnd();
        return new CycleTag(group, key, [.. values]);
    }

    public override Completion Render(RenderState state)
    {
        var key = _group is null ? _unnamedKey : "\u0001" + (_group.Evaluate(state) is { } name ? LiquidValues.ToOutputString(name) : "\u0000");
        var cycles = state.Cycles;
        cycles.TryGetValue(key, out var position);
        if (position < _values.Length)
        {
            state.Output.WriteValue(_values[position].Evaluate(state), state.Context.HtmlEncode);
        }

        position++;
        cycles[key] = position >= _values.Length ? 0 : position;
        return Completion.Normal;
    }
}
