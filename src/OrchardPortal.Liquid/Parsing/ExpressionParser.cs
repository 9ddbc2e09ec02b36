using System.Globalization;
using OrchardPortal.Liquid.Ast;
using OrchardPortal.Liquid.Filters;
using OrchardPortal.Liquid.Values;

namespace OrchardPortal.Liquid.Parsing;

/// <summary>Parses the expression part of outputs and tags: literals, variable paths, ranges, filters and conditions.</summary>
internal sealed partial class ExpressionParser
{
    private readonly List<MarkupToken> _tokens;
    private readonly string _markup;
    private readonly int _markupOffset;
    private readonly ParseSession _session;
    private int _position;

    public ExpressionParser(string markup, int markupOffset, ParseSession session)
    {
        _markup = markup;
        _markupOffset = markupOffset;
        _session = session;
        _tokens = MarkupLexer.Tokenize(markup);
    }

    public MarkupToken Current => _tokens[_position];

    public bool AtEnd => Current.Kind == MarkupKind.End;

    public string Markup => _markup;

    public MarkupToken Advance() => _tokens[_position++];

    public MarkupToken Peek(int ahead = 1) => _tokens[Math.Min(_position + ahead, _tokens.Count - 1)];

    public bool IsIdentifier(string word) => Current.Kind == MarkupKind.Identifier && Current.Text == word;

    public bool Accept(MarkupKind kind)
    {
        if (Current.Kind != kind)
        {
            return false;
        }

        _position++;
        return true;
    }

    public MarkupToken Expect(MarkupKind kind, string what)
    {
        if (Current.Kind != kind)
        {
            throw Error($"Expected {what} but found '{Describe(Current)}'");
        }

        return Advance();
    }

    /// <summary>In strict mode anything left over is an error; lax mode ignores trailing markup, as Liquid does.</summary>
    public void ExpectEnd()
    {
        if (!AtEnd && _session.Strict)
        {
            throw Error($"Unexpected '{Describe(Current)}'");
        }
    }

    /// <summary>Like <see cref="ExpectEnd"/> but an error in every mode.</summary>
    public void RequireEnd()
    {
        if (!AtEnd)
        {
            throw Error($"Unexpected '{Describe(Current)}'");
        }
    }

    public LiquidParseException Error(string message) => _session.Info.Error(message, _markupOffset + Current.Start);

    /// <summary>The markup text between two token positions, for loop names and cycle groups.</summary>
    public string TextBetween(int startToken, int endToken) =>
        _markup[_tokens[startToken].Start.._tokens[Math.Max(startToken, endToken - 1)].End];

    public int Position => _position;

    /// <summary><c>primary (| filter (: args)?)*</c>.</summary>
    public Expression ParseFilteredExpression()
    {
        var input = ParsePrimary();
        if (Current.Kind != MarkupKind.Pipe)
        {
            return input;
        }

        var filters = new List<FilterCall>();
        while (Accept(MarkupKind.Pipe))
        {
            filters.Add(ParseFilterCall());
        }

        return new FilterExpression(input, [.. filters]);
    }

    private FilterCall ParseFilterCall()
    {
        var name = Expect(MarkupKind.Identifier, "a filter name").Text;
        var positional = new List<Expression>();
        var named = new List<KeyValuePair<string, Expression>>();
        if (Accept(MarkupKind.Colon))
        {
            do
            {
                if (Current.Kind == MarkupKind.Identifier && Peek().Kind == MarkupKind.Colon)
                {
                    var key = Advance().Text;
                    Advance();
                    named.Add(new(key, ParsePrimary()));
                }
                else
                {
                    positional.Add(ParsePrimary());
                }
            }
            while (Accept(MarkupKind.Comma));
        }

        _session.Environment.Filters.TryGet(name, out LiquidFilter? filter);
        return new FilterCall(name, filter, [.. positional], [.. named]);
    }

    /// <summary>A literal, range or variable path.</summary>
    public Expression ParsePrimary()
    {
        // Brackets and ranges nest primaries inside primaries; bound the recursion like block nesting.
        _session.EnterNesting();
        try
        {
            return ParsePrimaryCore();
        }
        finally
        {
            _session.ExitNesting();
        }
    }

    private Expression ParsePrimaryCore()
    {
        var token = Current;
        switch (token.Kind)
        {
            case MarkupKind.String:
                Advance();
                return new LiteralExpression(token.Text);
            case MarkupKind.Integer:
                Advance();
                return new LiteralExpression(ParseInteger(token.Text));
            case MarkupKind.Float:
                Advance();
                return new LiteralExpression(double.Parse(token.Text, NumberStyles.Float, CultureInfo.InvariantCulture));
            case MarkupKind.OpenParen:
                return ParseRange();
            case MarkupKind.Identifier:
                if (LiteralKeyword(token.Text, out var literal) && Peek().Kind is not (MarkupKind.Dot or MarkupKind.OpenBracket))
                {
                    Advance();
                    return new LiteralExpression(literal);
                }

                return ParseVariable();
            case MarkupKind.OpenBracket:
                return ParseVariable();
            default:
                throw Error($"Expected a value but found '{Describe(token)}'");
        }
    }

    private static object ParseInteger(string text) =>
        long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : (object)double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

    private static bool LiteralKeyword(string word, out object? value)
    {
        switch (word)
        {
            case "true":
                value = Expression.True;
                return true;
            case "false":
                value = Expression.False;
                return true;
            case "nil" or "null":
                value = null;
                return true;
            case "empty":
                value = EmptyValue.Instance;
                return true;
            case "blank":
                value = BlankValue.Instance;
                return true;
            default:
                value = null;
                return false;
        }
    }

    private Expression ParseRange()
    {
        Expect(MarkupKind.OpenParen, "'('");
        var start = ParsePrimary();
        Expect(MarkupKind.DotDot, "'..'");
        var end = ParsePrimary();
        Expect(MarkupKind.CloseParen, "')'");
        var range = new RangeExpression(start, end);
        return start is LiteralExpression && end is LiteralExpression
            ? new LiteralExpression(range.Evaluate(null!))
            : range;
    }

    private VariableExpression ParseVariable()
    {
        string? rootName = null;
        Expression? rootExpression = null;
        if (Current.Kind == MarkupKind.Identifier)
        {
            rootName = Advance().Text;
        }
        else
        {
            Expect(MarkupKind.OpenBracket, "'['");
            rootExpression = ParseBracketContent();
            if (rootExpression is LiteralExpression { Value: string name })
            {
                rootName = name;
                rootExpression = null;
            }
        }

        var segments = new List<PathSegment>();
        while (true)
        {
            if (Accept(MarkupKind.Dot))
            {
                var member = Expect(MarkupKind.Identifier, "a property name after '.'");
                segments.Add(new PathSegment(member.Text, null));
            }
            else if (Accept(MarkupKind.OpenBracket))
            {
                var key = ParseBracketContent();
                segments.Add(key is LiteralExpression literal ? new PathSegment(literal.Value, null) : new PathSegment(null, key));
            }
            else
            {
                break;
            }
        }

        return new VariableExpression(rootName, rootExpression, [.. segments]);
    }

    private Expression ParseBracketContent()
    {
        var key = ParsePrimary();
        Expect(MarkupKind.CloseBracket, "']'");
        return key;
    }

    private static string Describe(MarkupToken token) => token.Kind == MarkupKind.End ? "end of markup" : token.Text;
}
