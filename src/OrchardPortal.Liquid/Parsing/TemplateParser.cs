using OrchardPortal.Liquid.Ast;
using OrchardPortal.Liquid.Tags;

namespace OrchardPortal.Liquid.Parsing;

/// <summary>
/// Turns tokens into nodes. Block tags call <see cref="ParseBody"/> to read their content up to one of their
/// delimiter tags (<c>else</c>, <c>endif</c>...). Used for whole templates and for the lines of a <c>liquid</c> tag.
/// </summary>
internal sealed class TemplateParser
{
    private static readonly string[] NoDelimiters = [];

    private readonly List<Token> _tokens;
    private int _index;

    public TemplateParser(List<Token> tokens, ParseSession session)
    {
        _tokens = tokens;
        Session = session;
    }

    public ParseSession Session { get; }

    public BlockBody ParseDocument()
    {
        var body = ParseBody(NoDelimiters, null, out _);
        return body;
    }

    /// <summary>
    /// Parses nodes until a tag named in <paramref name="delimiters"/>; returns that tag in <paramref name="delimiter"/>.
    /// Reaching the end first is an error when <paramref name="opening"/> (the block's start tag) is given.
    /// </summary>
    public BlockBody ParseBody(string[] delimiters, Token? opening, out Token? delimiter)
    {
        Session.EnterNesting();
        try
        {
            var nodes = new List<Node>();
            while (_index < _tokens.Count)
            {
                var token = _tokens[_index++];
                switch (token.Kind)
                {
                    case TokenKind.Text:
                        if (token.Markup.Length > 0)
                        {
                            nodes.Add(new TextNode(token.Markup));
                        }

                        break;
                    case TokenKind.RawText:
                        throw Error("Unexpected raw text", token);
                    case TokenKind.Output:
                        nodes.Add(ParseOutput(token));
                        break;
                    default:
                        if (Array.IndexOf(delimiters, token.Name) >= 0)
                        {
                            delimiter = token;
                            return new BlockBody([.. nodes]);
                        }

                        nodes.Add(ParseTag(token));
                        break;
                }
            }

            if (opening is not null)
            {
                throw Error($"'{opening.Name}' tag was never closed", opening);
            }

            delimiter = null;
            return new BlockBody([.. nodes]);
        }
        finally
        {
            Session.ExitNesting();
        }
    }

    /// <summary>The next token, consumed, if it is of <paramref name="kind"/>.</summary>
    public Token? TakeIf(TokenKind kind)
    {
        if (_index < _tokens.Count && _tokens[_index].Kind == kind)
        {
            return _tokens[_index++];
        }

        return null;
    }

    public Token? Next() => _index < _tokens.Count ? _tokens[_index++] : null;

    public ExpressionParser Expressions(Token token) => new(token.Markup, token.MarkupOffset, Session);

    public LiquidParseException Error(string message, Token token) => Session.Info.Error(message, token.Offset);

    private OutputNode ParseOutput(Token token)
    {
        var parser = Expressions(token);
        if (parser.AtEnd)
        {
            return new OutputNode(new LiteralExpression(null));
        }

        var expression = parser.ParseFilteredExpression();
        parser.ExpectEnd();
        return new OutputNode(expression);
    }

    private Node ParseTag(Token token)
    {
        if (Session.Environment.Tags.TryGetCustom(token.Name, out var custom))
        {
            return CustomTagParser.Parse(this, token, custom);
        }

        if (BuiltInTags.TryGetParser(token.Name, out var parse))
        {
            return parse(this, token);
        }

        throw Error($"Unknown tag '{token.Name}'", token);
    }
}
