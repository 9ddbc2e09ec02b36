using System.Runtime.CompilerServices;
using OrchardPortal.Liquid.Ast;
using OrchardPortal.Liquid.Parsing;
using OrchardPortal.Liquid.Rendering;
using OrchardPortal.Liquid.Values;

namespace OrchardPortal.Liquid.Tags;

/// <summary><c>if</c>/<c>elsif</c>/<c>else</c> and <c>unless</c> (an <c>if</c> whose first condition is negated).</summary>
internal sealed class IfTag : Node
{
    private static readonly string[] IfDelimiters = ["elsif", "else", "endif"];
    private static readonly string[] UnlessDelimiters = ["elsif", "else", "endunless"];

    private readonly Expression[] _conditions;
    private readonly BlockBody[] _bodies;
    private readonly BlockBody? _else;
    private readonly bool _negateFirst;
    private readonly bool _isBlank;

    private IfTag(Expression[] conditions, BlockBody[] bodies, BlockBody? elseBody, bool negateFirst)
    {
        _isBlank = Array.TrueForAll(bodies, static b => b.IsBlank) && (elseBody is null || elseBody.IsBlank);
        _conditions = conditions;
        _bodies = Array.ConvertAll(bodies, b => BuiltInTags.Trim(b, _isBlank));
        _else = elseBody is null ? null : BuiltInTags.Trim(elseBody, _isBlank);
        _negateFirst = negateFirst;
    }

    public override bool IsBlank => _isBlank;

    public static Node ParseIf(TemplateParser parser, Token token) => Parse(parser, token, IfDelimiters, "endif", false);

    public static Node ParseUnless(TemplateParser parser, Token token) => Parse(parser, token, UnlessDelimiters, "endunless", true);

    private static IfTag Parse(TemplateParser parser, Token token, string[] delimiters, string endName, bool negateFirst)
    {
        var conditions = new List<Expression>();
        var bodies = new List<BlockBody>();
        BlockBody? elseBody = null;
        var current = token;
        while (true)
        {
            if (elseBody is null && current.Name != "else")
            {
                conditions.Add(ParseCondition(parser, current));
            }

            var body = parser.ParseBody(delimiters, token, out var next);
            if (current.Name == "else")
            {
                // Liquid keeps the first else and silently drops any later else/elsif branches.
                elseBody ??= body;
            }
            else if (elseBody is null)
            {
                bodies.Add(body);
            }

            current = next!;
            if (current.Name == endName)
            {
                break;
            }
        }

        return new IfTag([.. conditions], [.. bodies], elseBody, negateFirst);
    }

    private static Expression ParseCondition(TemplateParser parser, Token token)
    {
        var expressions = parser.Expressions(token);
        var condition = expressions.ParseCondition();
        expressions.ExpectEnd();
        return condition;
    }

    public override Completion Render(RenderState state)
    {
        RuntimeHelpers.EnsureSufficientExecutionStack();
        for (var i = 0; i < _conditions.Length; i++)
        {
            var truthy = LiquidValues.IsTruthy(_conditions[i].Evaluate(state));
            if (i == 0 && _negateFirst)
            {
                truthy = !truthy;
            }

            if (truthy)
            {
                return _bodies[i].Render(state);
            }
        }

        return _else is null ? Completion.Normal : _else.Render(state);
    }
}
