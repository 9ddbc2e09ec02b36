using System.Runtime.CompilerServices;
using OrchardPortal.Liquid.Ast;
using OrchardPortal.Liquid.Parsing;
using OrchardPortal.Liquid.Rendering;

namespace OrchardPortal.Liquid.Tags;

/// <summary><c>{% tablerow item in collection cols: n %}</c>: renders HTML table rows and cells, with <c>tablerowloop</c>.</summary>
internal sealed class TableRowTag : Node
{
    private static readonly string[] Delimiters = ["endtablerow"];

    private readonly LoopHeader _header;
    private readonly BlockBody _body;

    private TableRowTag(LoopHeader header, BlockBody body)
    {
        _header = header;
        _body = body;
    }

    public static Node Parse(TemplateParser parser, Token token)
    {
        var header = LoopHeader.Parse(parser, token, allowColumns: true);
        var body = parser.ParseBody(Delimiters, token, out _);
        return new TableRowTag(header, body);
    }

    public override Completion Render(RenderState state)
    {
        RuntimeHelpers.EnsureSufficientExecutionStack();
        var collection = _header.Collection.Evaluate(state);
        var from = _header.Offset is null ? 0 : LoopSegment.ToInteger(_header.Offset.Evaluate(state), "offset") ?? 0;
        var limit = _header.Limit is null ? null : LoopSegment.ToInteger(_header.Limit.Evaluate(state), "limit");
        var segment = LoopSegment.Create(collection, from, limit, _header.Reversed);
        var columns = segment.Count;
        if (_header.Columns is not null && _header.Columns.Evaluate(state) is { } value)
        {
            columns = RangeExpression.ToInteger(value);
        }

        if (columns <= 0)
        {
            columns = Math.Max(segment.Count, 1);
        }

        var output = state.Output;
        var loop = new TableRowLoopObject(segment.Count, columns);
        var scope = state.PushScope();
        try
        {
            scope["tablerowloop"] = loop;
            output.Write("<tr class=\"row1\">\n");
            for (long i = 0; i < segment.Count; i++)
            {
                state.Budget.LoopIteration();
                loop.Index0 = i;
                scope[_header.Variable] = segment[i];
                output.Write("<td class=\"col");
                output.WriteInteger(loop.Col0 + 1);
                output.Write("\">");
                var completion = _body.Render(state);
                output.Write("</td>");
                if (completion == Completion.Break)
                {
                    break;
                }

                if (loop.Col0 == columns - 1 && i < segment.Count - 1)
                {
                    output.Write("</tr>\n<tr class=\"row");
                    output.WriteInteger(loop.Row + 1);
                    output.Write("\">");
                }
            }

            output.Write("</tr>\n");
        }
        finally
        {
            state.PopScope();
        }

        return Completion.Normal;
    }
}
