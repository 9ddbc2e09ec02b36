using OrchardPortal.Liquid.Ast;
using OrchardPortal.Liquid.Parsing;
using OrchardPortal.Liquid.Rendering;

namespace OrchardPortal.Liquid.Tags;

/// <summary><c>{% raw %}...{% endraw %}</c>: text written out verbatim (the lexer already read it without tokenizing).</summary>
internal sealed class RawNode : Node
{
    private readonly string _text;

    private RawNode(string text)
    {
        _text = text;
    }

    public override bool IsBlank => _text.Length == 0;

    public static Node Parse(TemplateParser parser, Token token)
    {
        var body = parser.TakeIf(TokenKind.RawText);
        if (body is null || parser.Next() is not { Name: "endraw" })
        {
            throw parser.Error("'raw' tag was never closed", token);
        }

        return new RawNode(body.Markup);
    }

    public override Completion Render(RenderState state)
    {
        state.Output.Write(_text);
        return Completion.Normal;
    }
}

/// <summary><c>{% echo expression %}</c>: the tag form of <c>{{ expression }}</c>, usable inside <c>liquid</c>.</summary>
internal static class EchoTag
{
    public static Node Parse(TemplateParser parser, Token token)
    {
        var expressions = parser.Expressions(token);
        if (expressions.AtEnd)
        {
            return new OutputNode(new LiteralExpression(null));
        }

        var expression = expressions.ParseFilteredExpression();
        expressions.ExpectEnd();
        return new OutputNode(expression);
    }
}

/// <summary><c>{% ifchanged %}...{% endifchanged %}</c>: renders its body only when it differs from the last time.</summary>
internal sealed class IfChangedTag : Node
{
    private static readonly string[] Delimiters = ["endifchanged"];

    private readonly BlockBody _body;

    private IfChangedTag(BlockBody body)
    {
        _body = body;
    }

    public static Node Parse(TemplateParser parser, Token token)
    {
        var body = parser.ParseBody(Delimiters, token, out _);
        return new IfChangedTag(body);
    }

    public override Completion Render(RenderState state)
    {
        var previous = state.Output.BeginCapture();
        Completion completion;
        string rendered;
        try
        {
            completion = _body.Render(state);
        }
        finally
        {
            rendered = state.Output.EndCapture(previous);
        }

        if (rendered != state.LastIfChanged)
        {
            state.LastIfChanged = rendered;
            state.Output.Write(rendered);
        }

        return completion;
    }
}
