using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using OrchardPortal.Liquid.Ast;
using OrchardPortal.Liquid.Parsing;
using OrchardPortal.Liquid.Rendering;

namespace OrchardPortal.Liquid.Tags;

/// <summary><c>{% for item in collection %}...{% else %}...{% endfor %}</c> with <c>forloop</c>, <c>break</c> and <c>continue</c>.</summary>
internal sealed class ForTag : Node
{
    private static readonly string[] BodyDelimiters = ["else", "endfor"];
    private static readonly string[] ElseDelimiters = ["endfor"];

    private readonly LoopHeader _header;
    private readonly BlockBody _body;
    private readonly BlockBody? _else;
    private readonly bool _isBlank;

    private ForTag(LoopHeader header, BlockBody body, BlockBody? elseBody)
    {
        _header = header;
        _isBlank = body.IsBlank && (elseBody is null || elseBody.IsBlank);
        _body = BuiltInTags.Trim(body, _isBlank);
        _else = elseBody is null ? null : BuiltInTags.Trim(elseBody, _isBlank);
    }

    public override bool IsBlank => _isBlank;

    public static Node Parse(TemplateParser parser, Token token)
    {
        var header = LoopHeader.Parse(parser, token, allowColumns: false);
        var body = parser.ParseBody(BodyDelimiters, token, out var delimiter);
        BlockBody? elseBody = null;
        if (delimiter!.Name == "else")
        {
            elseBody = parser.ParseBody(ElseDelimiters, token, out _);
        }

        return new ForTag(header, body, elseBody);
    }

    public override Completion Render(RenderState state)
    {
        RuntimeHelpers.EnsureSufficientExecutionStack();
        var collection = _header.Collection.Evaluate(state);
        long from;
        if (_header.OffsetContinue)
        {
            from = state.ForOffsets.TryGetValue(_header.Name, out var remembered) ? remembered : 0;
        }
        else
        {
            from = _header.Offset is null ? 0 : LoopSegment.ToInteger(_header.Offset.Evaluate(state), "offset") ?? 0;
        }

        var limit = _header.Limit is null ? null : LoopSegment.ToInteger(_header.Limit.Evaluate(state), "limit");
        var segment = LoopSegment.Create(collection, from, limit, _header.Reversed);
        state.ForOffsets[_header.Name] = segment.End;
        if (segment.Count == 0)
        {
            return _else is null ? Completion.Normal : _else.Render(state);
        }

        var loop = new ForLoopObject(_header.Name, segment.Count, state.CurrentForLoop);
        var scope = state.PushScope();
        var savedLoop = state.CurrentForLoop;
        state.CurrentForLoop = loop;
        try
        {
            scope["forloop"] = loop;

            // This scope belongs to this loop alone (assigns write to the root scope, nested loops and includes push
            // their own), so nothing adds to or removes from it while the body renders and the entry found once stays
            // where it is: each iteration stores the item through it instead of hashing the name again.
            ref var item = ref CollectionsMarshal.GetValueRefOrAddDefault(scope, _header.Variable, out _);
            var budget = state.Budget;
            for (long i = 0; i < segment.Count; i++)
            {
                budget.LoopIteration();
                loop.Index0 = i;
                item = segment[i];
                if (_body.Render(state) == Completion.Break)
                {
                    break;
                }
            }
        }
        finally
        {
            state.CurrentForLoop = savedLoop;
            state.PopScope();
        }

        return Completion.Normal;
    }
}
