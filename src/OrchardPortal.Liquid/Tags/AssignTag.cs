using OrchardPortal.Liquid.Ast;
using OrchardPortal.Liquid.Parsing;
using OrchardPortal.Liquid.Rendering;

namespace OrchardPortal.Liquid.Tags;

/// <summary><c>{% assign name = expression %}</c>: sets a variable in the template's root scope.</summary>
internal sealed class AssignTag : Node
{
    private readonly string _name;
    private readonly Expression _value;

    private AssignTag(string name, Expression value)
    {
        _name = name;
        _value = value;
    }

    public override bool IsBlank => true;

    public static Node Parse(TemplateParser parser, Token token)
    {
        var expressions = parser.Expressions(token);
        var name = BuiltInTags.ParseTargetName(expressions, allowQuoted: false);
        expressions.Expect(MarkupKind.Equals, "'='");
        var value = expressions.ParseFilteredExpression();
        expressions.ExpectEnd();
        return new AssignTag(name, value);
    }

    public override Completion Render(RenderState state)
    {
        var value = _value.Evaluate(state);
        state.CheckAssignSize(value);
        state.RootScope[_name] = value;
        return Completion.Normal;
    }
}

/// <summary><c>{% capture name %}...{% endcapture %}</c>: renders its body into a string variable.</summary>
internal sealed class CaptureTag : Node
{
    private static readonly string[] Delimiters = ["endcapture"];

    private readonly string _name;
    private readonly BlockBody _body;

    private CaptureTag(string name, BlockBody body)
    {
        _name = name;
        _body = body;
    }

    public override bool IsBlank => true;

    public static Node Parse(TemplateParser parser, Token token)
    {
        var expressions = parser.Expressions(token);
        var name = BuiltInTags.ParseTargetName(expressions, allowQuoted: true);
        expressions.ExpectEnd();
        var body = parser.ParseBody(Delimiters, token, out _);
        return new CaptureTag(name, body);
    }

    public override Completion Render(RenderState state)
    {
        var previous = state.Output.BeginCapture();
        Completion completion;
        string captured;
        try
        {
            completion = _body.Render(state);
        }
        finally
        {
            captured = state.Output.EndCapture(previous);
        }

        state.CheckAssignSize(captured);
        state.RootScope[_name] = captured;
        return completion;
    }
}

/// <summary><c>{% increment name %}</c> / <c>{% decrement name %}</c>: counters separate from assigned variables.</summary>
internal sealed class CounterTag : Node
{
    private readonly string _name;
    private readonly bool _increment;

    private CounterTag(string name, bool increment)
    {
        _name = name;
        _increment = increment;
    }

    public static Node ParseIncrement(TemplateParser parser, Token token) => Parse(parser, token, true);

    public static Node ParseDecrement(TemplateParser parser, Token token) => Parse(parser, token, false);

    private static CounterTag Parse(TemplateParser parser, Token token, bool increment)
    {
        var expressions = parser.Expressions(token);
        var name = BuiltInTags.ParseTargetName(expressions, allowQuoted: false);
        expressions.ExpectEnd();
        return new CounterTag(name, increment);
    }

    public override Completion Render(RenderState state)
    {
        var counters = state.Counters;
        counters.TryGetValue(_name, out var value);
        if (_increment)
        {
            counters[_name] = value + 1;
            state.Output.WriteInteger(value);
        }
        else
        {
            value--;
            counters[_name] = value;
            state.Output.WriteInteger(value);
        }

        return Completion.Normal;
    }
}
