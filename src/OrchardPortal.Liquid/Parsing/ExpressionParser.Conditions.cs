using OrchardPortal.Liquid.Ast;

namespace OrchardPortal.Liquid.Parsing;

internal sealed partial class ExpressionParser
{
    /// <summary>
    /// <c>comparison ((and|or) condition)?</c>: Liquid has no operator precedence and groups from the right,
    /// so <c>a and b or c</c> means <c>a and (b or c)</c>.
    /// </summary>
    public Expression ParseCondition()
    {
        // Parsed iteratively and folded from the right, so long and/or chains cannot exhaust the stack.
        var operands = new List<Expression> { ParseComparison() };
        var operators = new List<bool>();
        while (IsIdentifier("and") || IsIdentifier("or"))
        {
            operators.Add(Advance().Text == "and");
            operands.Add(ParseComparison());
        }

        return operators.Count == 0 ? operands[0] : new LogicalExpression([.. operands], [.. operators]);
    }

    private Expression ParseComparison()
    {
        var left = ParsePrimary();
        ComparisonOperator op;
        if (Current.Kind == MarkupKind.Comparison)
        {
            op = Current.Text switch
            {
                "==" => ComparisonOperator.Equal,
                "!=" or "<>" => ComparisonOperator.NotEqual,
                "<" => ComparisonOperator.Less,
                "<=" => ComparisonOperator.LessOrEqual,
                ">" => ComparisonOperator.Greater,
                _ => ComparisonOperator.GreaterOrEqual,
            };
        }
        else if (IsIdentifier("contains"))
        {
            op = ComparisonOperator.Contains;
        }
        else if ((Current.Kind == MarkupKind.Identifier && !IsIdentifier("and") && !IsIdentifier("or")) || Current.Kind == MarkupKind.Equals)
        {
            throw Error($"Unknown operator '{Current.Text}'");
        }
        else
        {
            return left;
        }

        Advance();
        var right = ParsePrimary();
        return new ComparisonExpression(op, left, right);
    }
}
