using OrchardPortal.Liquid.Ast;
using OrchardPortal.Liquid.Parsing;

namespace OrchardPortal.Liquid.Tags;

/// <summary><c>comment</c> blocks (which nest), <c>#</c> inline comments and <c>doc</c> blocks. None renders anything.</summary>
internal static class CommentTags
{
    public static Node ParseComment(TemplateParser parser, Token token)
    {
        // Tags inside a comment are not parsed, but they are still tokenized: nested comments must balance.
        var depth = 1;
        while (parser.Next() is { } next)
        {
            if (next.Kind != TokenKind.Tag)
            {
                continue;
            }

            if (next.Name == "comment")
            {
                depth++;
            }
            else if (next.Name == "endcomment" && --depth == 0)
            {
                return BlankNode.Instance;
            }
        }

        throw parser.Error("'comment' tag was never closed", token);
    }

    public static Node ParseInlineComment(TemplateParser parser, Token token)
    {
        // Every further line of a multi-line inline comment must start with '#' too.
        var lines = token.Markup.Split('\n');
        for (var i = 1; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length > 0 && line[0] != '#')
            {
                throw parser.Error("Every line of an inline comment must start with '#'", token);
            }
        }

        return BlankNode.Instance;
    }

    public static Node ParseDoc(TemplateParser parser, Token token)
    {
        if (!string.IsNullOrWhiteSpace(token.Markup))
        {
            throw parser.Error("'doc' tag takes no arguments", token);
        }

        if (parser.TakeIf(TokenKind.RawText) is null || parser.Next() is not { Name: "enddoc" })
        {
            throw parser.Error("'doc' tag was never closed", token);
        }

        return BlankNode.Instance;
    }
}
