using OrchardPortal.Liquid.Ast;
using OrchardPortal.Liquid.Parsing;
using OrchardPortal.Liquid.Rendering;
using OrchardPortal.Liquid.Values;

namespace OrchardPortal.Liquid.Tags;

/// <summary>
/// <c>case</c>/<c>when</c>/<c>else</c>. As in Liquid, every matching <c>when</c> renders (and a <c>when</c> with several
/// matching values renders once per match), and an <c>else</c> renders when no earlier <c>when</c> matched.
/// </summary>
internal sealed class CaseTag : Node
{
    private static readonly string[] Delimiters = ["when", "else", "endcase"];

    private readonly Expression _subject;
    private readonly Branch[] _branches;
    private readonly bool _isBlank;

    private CaseTag(Expression subject, Branch[] branches)
    {
        _subject = subject;
        _isBlank = Array.TrueForAll(branches, static b => b.Body.IsBlank);
        _branches = Array.ConvertAll(branches, b => b with { Body = BuiltInTags.Trim(b.Body, _isBlank) });
    }

    public override bool IsBlank => _isBlank;

    public static Node Parse(TemplateParser parser, Token token)
    {
        var expressions = parser.Expressions(token);
        var subject = expressions.ParsePrimary();
        expressions.ExpectEnd();

        // Whatever sits between "case" and the first "when" is ignored.
        parser.ParseBody(Delimiters, token, out var current);
        var branches = new List<Branch>();
        while (current!.Name != "endcase")
        {
            var values = current.Name == "when" ? ParseWhen(parser, current) : null;
            var body = parser.ParseBody(Delimiters, token, out var next);
            branches.Add(new Branch(values, body));
            current = next;
        }

        return new CaseTag(subject, [.. branches]);
    }

    private static Expression[] ParseWhen(TemplateParser parser, Token token)
    {
        var expressions = parser.Expressions(token);
        var values = new List<Expression> { expressions.ParsePrimary() };
        while (expressions.Accept(MarkupKind.Comma) || (expressions.IsIdentifier("or") && expressions.Advance().Kind == MarkupKind.Identifier))
        {
            values.Add(expressions.ParsePrimary());
        }

        expressions.ExpectEnd();
        return [.. values];
    }

    public override Completion Render(RenderState state)
    {
        var subject = _subject.Evaluate(state);
        var matched = false;
        foreach (var branch in _branches)
        {
            if (branch.Values is null)
            {
                if (!matched)
                {
                    var completion = branch.Body.Render(state);
                    if (completion != Completion.Normal)
                    {
                        return completion;
                    }
                }

                continue;
            }

            foreach (var value in branch.Values)
            {
                if (!LiquidValues.AreEqual(value.Evaluate(state), subject))
                {
                    continue;
                }

                matched = true;
                var completion = branch.Body.Render(state);
                if (completion != Completion.Normal)
                {
                    return completion;
                }
            }
        }

        return Completion.Normal;
    }

    private sealed record Branch(Expression[]? Values, BlockBody Body);
}
