using OrchardPortal.Liquid.Rendering;
using OrchardPortal.Liquid.Values;

namespace OrchardPortal.Liquid.Ast;

/// <summary>A parsed expression. Immutable; evaluation reads variables from the render state.</summary>
internal abstract class Expression
{
    public static readonly object True = BoxedValueCache.True;
    public static readonly object False = BoxedValueCache.False;

    public abstract object? Evaluate(RenderState state);

    public static object Box(bool value) => BoxedValueCache.Box(value);
}

internal sealed class LiteralExpression : Expression
{
    public LiteralExpression(object? value)
    {
        Value = value;
    }

    public object? Value { get; }

    public override object? Evaluate(RenderState state) => Value;
}
