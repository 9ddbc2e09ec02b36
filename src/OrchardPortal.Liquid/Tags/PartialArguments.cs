using OrchardPortal.Liquid.Ast;
using OrchardPortal.Liquid.Parsing;

namespace OrchardPortal.Liquid.Tags;

/// <summary>What follows the partial name in <c>render</c>/<c>include</c>: <c>with x as y</c>, <c>for x as y</c>, keyword arguments.</summary>
internal sealed class PartialArguments
{
    public Expression? Bound { get; private set; }

    public bool IsFor { get; private set; }

    public string? Alias { get; private set; }

    public KeyValuePair<string, Expression>[] Named { get; private set; } = [];

    public static PartialArguments Parse(ExpressionParser expressions)
    {
        var arguments = new PartialArguments();
        if (expressions.IsIdentifier("with") || expressions.IsIdentifier("for"))
        {
            arguments.IsFor = expressions.Advance().Text == "for";
            arguments.Bound = expressions.ParsePrimary();
            if (expressions.IsIdentifier("as"))
            {
                expressions.Advance();
                arguments.Alias = expressions.Expect(MarkupKind.Identifier, "an alias after 'as'").Text;
            }
        }

        var named = new List<KeyValuePair<string, Expression>>();
        while (!expressions.AtEnd)
        {
            if (expressions.Accept(MarkupKind.Comma))
            {
                continue;
            }

            if (expressions.Current.Kind != MarkupKind.Identifier || expressions.Peek().Kind != MarkupKind.Colon)
            {
                expressions.ExpectEnd();
                break;
            }

            var key = expressions.Advance().Text;
            expressions.Advance();
            named.Add(new(key, expressions.ParsePrimary()));
        }

        arguments.Named = [.. named];
        return arguments;
    }
}
