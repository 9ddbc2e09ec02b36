using System.Collections;
using OrchardPortal.Liquid.Rendering;
using OrchardPortal.Liquid.Values;

namespace OrchardPortal.Liquid.Ast;

internal enum ComparisonOperator
{
    Equal,
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
    Contains,
}

/// <summary><c>left op right</c> in <c>if</c>, <c>unless</c> and <c>case</c>.</summary>
internal sealed class ComparisonExpression : Expression
{
    private readonly ComparisonOperator _operator;
    private readonly Expression _left;
    private readonly Expression _right;

    public ComparisonExpression(ComparisonOperator op, Expression left, Expression right)
    {
        _operator = op;
        _left = left;
        _right = right;
    }

    public override object? Evaluate(RenderState state) =>
        Box(Compare(_operator, _left.Evaluate(state), _right.Evaluate(state)));

    public static bool Compare(ComparisonOperator op, object? left, object? right)
    {
        switch (op)
        {
            case ComparisonOperator.Equal:
                return LiquidValues.AreEqual(left, right);
            case ComparisonOperator.NotEqual:
                return !LiquidValues.AreEqual(left, right);
            case ComparisonOperator.Contains:
                return Contains(left, right);
        }

        if (left is null || right is null || left is EmptyValue or BlankValue || right is EmptyValue or BlankValue)
        {
            return false;
        }

        var order = LiquidValues.Compare(left, right);
        if (order is null)
        {
            if (IsOrderable(left) && IsOrderable(right))
            {
                throw new LiquidRenderException(
                    $"Comparison of {TypeName(left)} with {TypeName(right)} failed.");
            }

            return false;
        }

        return op switch
        {
            ComparisonOperator.Less => order < 0,
            ComparisonOperator.LessOrEqual => order <= 0,
            ComparisonOperator.Greater => order > 0,
            _ => order >= 0,
        };
    }

    private static bool IsOrderable(object value) => value is string or long or double or int or decimal or float;

    private static string TypeName(object value) => value switch
    {
        string => "String",
        long or int => "Integer",
        _ => "Float",
    };

    private static bool Contains(object? left, object? right)
    {
        if (left is null || right is null || right is false)
        {
            return false;
        }

        switch (left)
        {
            case string text:
                return text.Contains(LiquidValues.ToOutputString(right), StringComparison.Ordinal);
            case IDictionary<string, object?> hash:
                return right is string key && hash.ContainsKey(key);
            case IList<object?> list:
                foreach (var item in list)
                {
                    if (LiquidValues.AreEqual(item, right))
                    {
                        return true;
                    }
                }

                return false;
            case LiquidRange range:
                return LiquidValues.ToNumber(right) is long n && right is long or double && n >= range.Start && n <= range.End;
            case IEnumerable items:
                foreach (var item in LiquidValues.ToEnumerable(items))
                {
                    if (LiquidValues.AreEqual(item, right))
                    {
                        return true;
                    }
                }

                return false;
            default:
                return false;
        }
    }
}

/// <summary>
/// <c>a and b or c ...</c>. Liquid groups from the right with no precedence (<c>a and (b or c)</c>), which can be
/// evaluated left to right without recursion: an <c>and</c> with a falsy left side is false, an <c>or</c> with a
/// truthy left side is true, otherwise the result is whatever the rest of the chain gives.
/// </summary>
internal sealed class LogicalExpression : Expression
{
    private readonly Expression[] _operands;
    private readonly bool[] _isAnd;

    public LogicalExpression(Expression[] operands, bool[] isAnd)
    {
        _operands = operands;
        _isAnd = isAnd;
    }

    public override object? Evaluate(RenderState state)
    {
        for (var i = 0; i < _isAnd.Length; i++)
        {
            var truthy = LiquidValues.IsTruthy(_operands[i].Evaluate(state));
            if (_isAnd[i] != truthy)
            {
                return Box(truthy);
            }
        }

        return Box(LiquidValues.IsTruthy(_operands[^1].Evaluate(state)));
    }
}
