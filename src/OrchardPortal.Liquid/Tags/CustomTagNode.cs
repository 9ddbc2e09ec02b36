using OrchardPortal.Liquid.Ast;
using OrchardPortal.Liquid.Parsing;
using OrchardPortal.Liquid.Rendering;

namespace OrchardPortal.Liquid.Tags;

/// <summary>The content of a host-defined block tag, rendered on demand by the tag's renderer.</summary>
public sealed class LiquidBlockBody
{
    private readonly BlockBody _body;
    private readonly RenderState _state;

    internal LiquidBlockBody(BlockBody body, RenderState state)
    {
        _body = body;
        _state = state;
    }

    /// <summary>Renders the content with the current variables and returns it.</summary>
    public string RenderToString()
    {
        var previous = _state.Output.BeginCapture();
        string captured;
        try
        {
            _body.Render(_state);
        }
        finally
        {
            captured = _state.Output.EndCapture(previous);
        }

        return captured;
    }

    /// <summary>Renders the content straight into the template's output, where the tag stands.</summary>
    public void Render() => _body.Render(_state);
}

internal static class CustomTagParser
{
    public static Node Parse(TemplateParser parser, Token token, CustomTag tag)
    {
        var expressions = parser.Expressions(token);
        var positional = new List<Expression>();
        var named = new List<KeyValuePair<string, Expression>>();
        while (!expressions.AtEnd)
        {
            if (expressions.Accept(MarkupKind.Comma))
            {
                continue;
            }

            if (expressions.Current.Kind == MarkupKind.Identifier && expressions.Peek().Kind == MarkupKind.Colon)
            {
                var key = expressions.Advance().Text;
                expressions.Advance();
                named.Add(new(key, expressions.ParsePrimary()));
            }
            else
            {
                positional.Add(expressions.ParseFilteredExpression());
            }
        }

        var arguments = new FilterCall(tag.Name, null, [.. positional], [.. named]);
        BlockBody? body = null;
        if (tag.Block is not null)
        {
            body = parser.ParseBody(["end" + tag.Name], token, out _);
        }

        return new CustomTagNode(tag, arguments, body);
    }
}

internal sealed class CustomTagNode : Node
{
    private readonly CustomTag _tag;
    private readonly FilterCall _arguments;
    private readonly BlockBody? _body;

    public CustomTagNode(CustomTag tag, FilterCall arguments, BlockBody? body)
    {
        _tag = tag;
        _arguments = arguments;
        _body = body;
    }

    public override bool IsBlank => _tag.IsBlank;

    public override Completion Render(RenderState state)
    {
        var arguments = _arguments.GetArguments(state);
        using var writer = new OutputWriter(state.Output);
        if (_tag.Block is not null)
        {
            _tag.Block(arguments, new LiquidBlockBody(_body!, state), state.Context, writer);
        }
        else
        {
            _tag.Simple!(arguments, state.Context, writer);
        }

        return Completion.Normal;
    }
}
