using OrchardPortal.Liquid.Ast;
using OrchardPortal.Liquid.Parsing;
using OrchardPortal.Liquid.Rendering;

namespace OrchardPortal.Liquid.Tags;

/// <summary><c>{% break %}</c> and <c>{% continue %}</c>: end the node with a completion the enclosing loop acts on.</summary>
internal sealed class LoopControlNode : Node
{
    private static readonly LoopControlNode Break = new(Completion.Break);
    private static readonly LoopControlNode Continue = new(Completion.Continue);

    private readonly Completion _completion;

    private LoopControlNode(Completion completion)
    {
        _completion = completion;
    }

    public static Node ParseBreak(TemplateParser parser, Token token) => Parse(parser, token, Break);

    public static Node ParseContinue(TemplateParser parser, Token token) => Parse(parser, token, Continue);

    private static LoopControlNode Parse(TemplateParser parser, Token token, LoopControlNode node)
    {
        parser.Expressions(token).ExpectEnd();
        return node;
    }

    public override Completion Render(RenderState state) => _completion;
}
