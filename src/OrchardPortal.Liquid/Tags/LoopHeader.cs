using OrchardPortal.Liquid.Ast;
using OrchardPortal.Liquid.Parsing;

namespace OrchardPortal.Liquid.Tags;

/// <summary>The markup of <c>for</c> and <c>tablerow</c>: <c>item in collection reversed limit: n offset: n|continue cols: n</c>.</summary>
internal sealed class LoopHeader
{
    public required string Variable { get; init; }

    public required Expression Collection { get; init; }

    /// <summary><c>variable-collection</c> as written, the key under which <c>offset: continue</c> remembers its position.</summary>
    public required string Name { get; init; }

    public bool Reversed { get; private set; }

    public Expression? Limit { get; private set; }

    public Expression? Offset { get; private set; }

    public bool OffsetContinue { get; private set; }

    public Expression? Columns { get; private set; }

    public static LoopHeader Parse(TemplateParser parser, Token token, bool allowColumns)
    {
        var expressions = parser.Expressions(token);
        var variable = expressions.Expect(MarkupKind.Identifier, "a loop variable name").Text;
        if (!expressions.IsIdentifier("in"))
        {
            throw expressions.Error("Expected 'in'");
        }

        expressions.Advance();
        var collectionStart = expressions.Position;
        var collection = expressions.ParsePrimary();
        var header = new LoopHeader
        {
            Variable = variable,
            Collection = collection,
            Name = variable + "-" + expressions.TextBetween(collectionStart, expressions.Position),
        };
        header.ParseAttributes(expressions, allowColumns);
        return header;
    }

    private void ParseAttributes(ExpressionParser expressions, bool allowColumns)
    {
        while (!expressions.AtEnd)
        {
            if (expressions.Accept(MarkupKind.Comma))
            {
                continue;
            }

            if (expressions.IsIdentifier("reversed"))
            {
                expressions.Advance();
                Reversed = true;
                continue;
            }

            var current = expressions.Current;
            if (current.Kind != MarkupKind.Identifier || expressions.Peek().Kind != MarkupKind.Colon)
            {
                expressions.ExpectEnd();
                return;
            }

            expressions.Advance();
            expressions.Advance();
            switch (current.Text)
            {
                case "limit":
                    Limit = expressions.ParsePrimary();
                    break;
                case "offset" when expressions.IsIdentifier("continue"):
                    expressions.Advance();
                    OffsetContinue = true;
                    break;
                case "offset":
                    Offset = expressions.ParsePrimary();
                    break;
                case "cols" when allowColumns:
                    Columns = expressions.ParsePrimary();
                    break;
                default:
                    // Liquid ignores attributes it does not know.
                    expressions.ParsePrimary();
                    break;
            }
        }
    }
}
