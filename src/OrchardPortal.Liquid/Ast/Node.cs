using OrchardPortal.Liquid.Rendering;

namespace OrchardPortal.Liquid.Ast;

/// <summary>How a node finished: normally, or by <c>break</c>/<c>continue</c> travelling up to the nearest loop.</summary>
internal enum Completion
{
    Normal,
    Break,
    Continue,
}

/// <summary>A parsed statement. Immutable and shared between concurrent renders.</summary>
internal abstract class Node
{
    /// <summary>
    /// True when the node produces no output of its own (assign, capture, comments, blocks made only of such nodes).
    /// Liquid drops whitespace-only text from blocks whose every node is blank.
    /// </summary>
    public virtual bool IsBlank => false;

    public abstract Completion Render(RenderState state);
}

/// <summary>The nodes between a block's start and end tags.</summary>
internal sealed class BlockBody
{
    public static readonly BlockBody Empty = new([]);

    private readonly Node[] _nodes;

    public BlockBody(Node[] nodes)
    {
        _nodes = nodes;
    }

    public IReadOnlyList<Node> Nodes => _nodes;

    public bool IsBlank => Array.TrueForAll(_nodes, static n => n.IsBlank);

    /// <summary>The same body without whitespace-only text, used when the whole enclosing block is blank.</summary>
    public BlockBody WithoutBlankText() =>
        new(Array.FindAll(_nodes, static n => n is not TextNode text || !string.IsNullOrWhiteSpace(text.Text)));

    public Completion Render(RenderState state)
    {
        var nodes = _nodes;
        var budget = state.Budget;
        for (var i = 0; i < nodes.Length; i++)
        {
            budget.Step();
            var completion = nodes[i].Render(state);
            if (completion != Completion.Normal)
            {
                return completion;
            }
        }

        return Completion.Normal;
    }
}

internal sealed class TextNode : Node
{
    public TextNode(string text)
    {
        Text = text;
    }

    public string Text { get; }

    public override bool IsBlank => string.IsNullOrWhiteSpace(Text);

    public override Completion Render(RenderState state)
    {
        state.Output.Write(Text);
        return Completion.Normal;
    }
}

/// <summary><c>{{ expression }}</c> and <c>{% echo expression %}</c>.</summary>
internal sealed class OutputNode : Node
{
    private readonly Expression _expression;
    private readonly bool _raw;

    public OutputNode(Expression expression)
    {
        _expression = expression;
        _raw = expression is FilterExpression { EndsWithRaw: true };
    }

    public override Completion Render(RenderState state)
    {
        state.Output.WriteValue(_expression.Evaluate(state), state.Context.HtmlEncode && !_raw);
        return Completion.Normal;
    }
}

/// <summary>Nodes that render nothing (comments, docs) but still count as blank.</summary>
internal sealed class BlankNode : Node
{
    public static readonly BlankNode Instance = new();

    public override bool IsBlank => true;

    public override Completion Render(RenderState state) => Completion.Normal;
}
