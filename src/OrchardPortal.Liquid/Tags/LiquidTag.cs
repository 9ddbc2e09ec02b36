using OrchardPortal.Liquid.Ast;
using OrchardPortal.Liquid.Parsing;
using OrchardPortal.Liquid.Rendering;

namespace OrchardPortal.Liquid.Tags;

/// <summary>
/// <c>{% liquid ... %}</c>: one tag per line, without delimiters. Each line becomes a tag token and the lines are
/// parsed like a template of their own, so blocks opened inside must also close inside.
/// </summary>
internal sealed class LiquidTag : Node
{
    private readonly BlockBody _body;

    private LiquidTag(BlockBody body)
    {
        _body = body;
    }

    public override bool IsBlank => _body.IsBlank;

    public static Node Parse(TemplateParser parser, Token token)
    {
        var tokens = Tokenize(token, parser.Session.Info);
        var inner = new TemplateParser(tokens, parser.Session);
        return new LiquidTag(inner.ParseDocument());
    }

    public override Completion Render(RenderState state) => _body.Render(state);

    private static List<Token> Tokenize(Token token, SourceInfo info)
    {
        var tokens = new List<Token>();
        var markup = token.Markup;
        var lineStart = 0;
        while (lineStart <= markup.Length)
        {
            var lineEnd = markup.IndexOf('\n', lineStart);
            if (lineEnd < 0)
            {
                lineEnd = markup.Length;
            }

            var start = lineStart;
            var end = lineEnd;
            while (start < end && char.IsWhiteSpace(markup[start]))
            {
                start++;
            }

            while (end > start && char.IsWhiteSpace(markup[end - 1]))
            {
                end--;
            }

            if (end > start)
            {
                tokens.Add(LineToken(markup, start, end, token.MarkupOffset, info));
            }

            lineStart = lineEnd + 1;
        }

        return tokens;
    }

    private static Token LineToken(string markup, int start, int end, int baseOffset, SourceInfo info)
    {
        var i = start;
        if (markup[i] == '#')
        {
            i++;
        }
        else
        {
            while (i < end && SourceLexer.IsWordChar(markup[i]))
            {
                i++;
            }
        }

        if (i == start)
        {
            throw info.Error("Expected a tag name in 'liquid' tag", baseOffset + start);
        }

        if (i < end && markup[i] == '\r')
        {
            throw info.Error("Unexpected carriage return in 'liquid' tag", baseOffset + i);
        }

        return new Token(TokenKind.Tag, markup[start..i], markup[i..end], baseOffset + start, baseOffset + i, false, false);
    }
}
