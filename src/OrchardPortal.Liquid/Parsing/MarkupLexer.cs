namespace OrchardPortal.Liquid.Parsing;

internal enum MarkupKind
{
    End,
    Identifier,
    String,
    Integer,
    Float,
    Dot,
    DotDot,
    Comma,
    Colon,
    Pipe,
    OpenBracket,
    CloseBracket,
    OpenParen,
    CloseParen,
    Comparison,
    Equals,
    Unknown,
}

/// <summary>One token of tag or output markup; <see cref="Start"/>/<see cref="End"/> index the markup string.</summary>
internal readonly record struct MarkupToken(MarkupKind Kind, int Start, int End, string Text);

/// <summary>Tokenizes expression markup: identifiers, literals, punctuation and comparison operators.</summary>
internal static class MarkupLexer
{
    public static List<MarkupToken> Tokenize(string markup)
    {
        var tokens = new List<MarkupToken>();
        var i = 0;
        while (true)
        {
            while (i < markup.Length && char.IsWhiteSpace(markup[i]))
            {
                i++;
            }

            if (i >= markup.Length)
            {
                tokens.Add(new MarkupToken(MarkupKind.End, i, i, string.Empty));
                return tokens;
            }

            var start = i;
            var c = markup[i];
            MarkupKind kind;
            if (char.IsAsciiLetter(c) || c == '_')
            {
                i = ReadIdentifier(markup, i);
                kind = MarkupKind.Identifier;
            }
            else if (char.IsAsciiDigit(c) || (c == '-' && i + 1 < markup.Length && char.IsAsciiDigit(markup[i + 1])))
            {
                i = ReadNumber(markup, i, out var isFloat);
                kind = isFloat ? MarkupKind.Float : MarkupKind.Integer;
            }
            else if (c is '\'' or '"')
            {
                var close = markup.IndexOf(c, i + 1);
                if (close < 0)
                {
                    tokens.Add(new MarkupToken(MarkupKind.Unknown, i, markup.Length, markup[i..]));
                    tokens.Add(new MarkupToken(MarkupKind.End, markup.Length, markup.Length, string.Empty));
                    return tokens;
                }

                tokens.Add(new MarkupToken(MarkupKind.String, i, close + 1, markup[(i + 1)..close]));
                i = close + 1;
                continue;
            }
            else
            {
                (kind, i) = ReadPunctuation(markup, i);
            }

            tokens.Add(new MarkupToken(kind, start, i, markup[start..i]));
        }
    }

    private static int ReadIdentifier(string markup, int i)
    {
        i++;
        while (i < markup.Length && (SourceLexer.IsWordChar(markup[i]) || markup[i] == '-'))
        {
            i++;
        }

        if (i < markup.Length && markup[i] == '?')
        {
            i++;
        }

        return i;
    }

    private static int ReadNumber(string markup, int i, out bool isFloat)
    {
        isFloat = false;
        if (markup[i] == '-')
        {
            i++;
        }

        while (i < markup.Length && char.IsAsciiDigit(markup[i]))
        {
            i++;
        }

        if (i + 1 < markup.Length && markup[i] == '.' && char.IsAsciiDigit(markup[i + 1]))
        {
            isFloat = true;
            i++;
            while (i < markup.Length && char.IsAsciiDigit(markup[i]))
            {
                i++;
            }
        }

        return i;
    }

    private static (MarkupKind Kind, int Next) ReadPunctuation(string markup, int i)
    {
        var c = markup[i];
        var next = i + 1 < markup.Length ? markup[i + 1] : '\0';
        return c switch
        {
            '.' when next == '.' => (MarkupKind.DotDot, i + 2),
            '.' => (MarkupKind.Dot, i + 1),
            ',' => (MarkupKind.Comma, i + 1),
            ':' => (MarkupKind.Colon, i + 1),
            '|' => (MarkupKind.Pipe, i + 1),
            '[' => (MarkupKind.OpenBracket, i + 1),
            ']' => (MarkupKind.CloseBracket, i + 1),
            '(' => (MarkupKind.OpenParen, i + 1),
            ')' => (MarkupKind.CloseParen, i + 1),
            '=' when next == '=' => (MarkupKind.Comparison, i + 2),
            '=' => (MarkupKind.Equals, i + 1),
            '!' when next == '=' => (MarkupKind.Comparison, i + 2),
            '<' when next is '=' or '>' => (MarkupKind.Comparison, i + 2),
            '>' when next == '=' => (MarkupKind.Comparison, i + 2),
            '<' or '>' => (MarkupKind.Comparison, i + 1),
            _ => (MarkupKind.Unknown, i + 1),
        };
    }
}
