using OrchardPortal.Liquid.Rendering;

namespace OrchardPortal.Liquid.Ast;

/// <summary>A parsed expression. Immutable; evaluation reads variables from the render state.</summary>
internal abstract class Expression
{
    public static readonly object True = true;
    public static readonly object False = false;

    public abstract object? Evaluate(RenderState state);

    public static object Box(bool value) => value ? True : False;
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
