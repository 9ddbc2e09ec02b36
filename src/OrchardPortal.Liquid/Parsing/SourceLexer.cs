namespace OrchardPortal.Liquid.Parsing;

/// <summary>
/// Splits template source into text, output and tag tokens, applies whitespace control,
/// and reads the bodies of <c>raw</c> and <c>doc</c> verbatim (they are not tokenized).
/// </summary>
internal static class SourceLexer
{
    public static List<Token> Tokenize(string source, SourceInfo info)
    {
        var tokens = new List<Token>();
        var position = 0;
        while (position < source.Length)
        {
            var start = FindMarkupStart(source, position);
            if (start < 0)
            {
                tokens.Add(Text(source, position, source.Length));
                break;
            }

            if (start > position)
            {
                tokens.Add(Text(source, position, start));
            }

            position = source[start + 1] == '%'
                ? ReadTag(source, start, tokens, info)
                : ReadOutput(source, start, tokens, info);
        }

        ApplyWhitespaceControl(tokens);
        return tokens;
    }

    private static int FindMarkupStart(string source, int from)
    {
        var index = from;
        while (true)
        {
            index = source.IndexOf('{', index);
            if (index < 0 || index + 1 >= source.Length)
            {
                return -1;
            }

            var next = source[index + 1];
            if (next == '{' || next == '%')
            {
                return index;
            }

            index++;
        }
    }

    private static Token Text(string source, int start, int end) =>
        new(TokenKind.Text, string.Empty, source[start..end], start, start, false, false);

    private static int ReadOutput(string source, int start, List<Token> tokens, SourceInfo info)
    {
        // An output ends at the first "}" (Liquid accepts "}}" or a lone "}").
        var close = source.IndexOf('}', start + 2);
        var nestedTag = source.IndexOf("{%", start + 2, StringComparison.Ordinal);
        if (close < 0 || (nestedTag >= 0 && nestedTag < close))
        {
            throw info.Error("Output '{{' was not properly terminated with '}}'", start);
        }

        var end = close + 1 < source.Length && source[close + 1] == '}' ? close + 2 : close + 1;
        var innerStart = start + 2;
        var innerEnd = close;
        var trimLeft = innerStart < innerEnd && source[innerStart] == '-';
        if (trimLeft)
        {
            innerStart++;
        }

        var trimRight = innerEnd > innerStart && source[innerEnd - 1] == '-';
        if (trimRight)
        {
            innerEnd--;
        }

        tokens.Add(new Token(TokenKind.Output, string.Empty, source[innerStart..innerEnd], start, innerStart, trimLeft, trimRight));
        return end;
    }

    private static int ReadTag(string source, int start, List<Token> tokens, SourceInfo info)
    {
        var close = source.IndexOf("%}", start + 2, StringComparison.Ordinal);
        if (close < 0)
        {
            throw info.Error("Tag '{%' was not properly terminated with '%}'", start);
        }

        var token = TagToken(source, start, start + 2, close, info);
        tokens.Add(token);
        var end = close + 2;
        if (token.Name is "raw" or "doc")
        {
            end = ReadVerbatimBody(source, end, token.Name, tokens, info, start);
        }

        return end;
    }

    /// <summary>Builds a tag token from the text between "{%" and "%}" (<paramref name="innerStart"/>..<paramref name="close"/>).</summary>
    internal static Token TagToken(string source, int start, int innerStart, int close, SourceInfo info)
    {
        var innerEnd = close;
        var trimLeft = innerStart < innerEnd && source[innerStart] == '-';
        if (trimLeft)
        {
            innerStart++;
        }

        var trimRight = innerEnd > innerStart && source[innerEnd - 1] == '-';
        if (trimRight)
        {
            innerEnd--;
        }

        var i = innerStart;
        while (i < innerEnd && char.IsWhiteSpace(source[i]))
        {
            i++;
        }

        var nameStart = i;
        if (i < innerEnd && source[i] == '#')
        {
            i++;
        }
        else
        {
            while (i < innerEnd && IsWordChar(source[i]))
            {
                i++;
            }
        }

        if (i == nameStart)
        {
            throw info.Error("Tag is missing a name", start);
        }

        var name = source[nameStart..i];
        return new Token(TokenKind.Tag, name, source[i..innerEnd], start, i, trimLeft, trimRight);
    }

    private static int ReadVerbatimBody(string source, int from, string name, List<Token> tokens, SourceInfo info, int tagStart)
    {
        var endName = "end" + name;
        var search = from;
        while (true)
        {
            var open = source.IndexOf("{%", search, StringComparison.Ordinal);
            if (open < 0)
            {
                throw info.Error($"'{name}' tag was never closed", tagStart);
            }

            var i = open + 2;
            if (i < source.Length && source[i] == '-')
            {
                i++;
            }

            while (i < source.Length && char.IsWhiteSpace(source[i]))
            {
                i++;
            }

            if (string.CompareOrdinal(source, i, endName, 0, endName.Length) == 0
                && (i + endName.Length >= source.Length || !IsWordChar(source[i + endName.Length])))
            {
                var close = source.IndexOf("%}", i, StringComparison.Ordinal);
                if (close < 0)
                {
                    throw info.Error($"'{name}' tag was never closed", tagStart);
                }

                tokens.Add(new Token(TokenKind.RawText, string.Empty, source[from..open], from, from, false, false));
                tokens.Add(TagToken(source, open, open + 2, close, info));
                return close + 2;
            }

            search = open + 2;
        }
    }

    internal static bool IsWordChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';

    private static void ApplyWhitespaceControl(List<Token> tokens)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (token.Kind != TokenKind.Text)
            {
                continue;
            }

            var text = token.Markup;
            if (i > 0 && tokens[i - 1].TrimRight && tokens[i - 1].Kind != TokenKind.Text)
            {
                text = text.TrimStart(RubyWhitespace);
            }

            if (i + 1 < tokens.Count && tokens[i + 1].TrimLeft)
            {
                text = text.TrimEnd(RubyWhitespace);
            }

            token.Markup = text;
        }
    }

    private static readonly char[] RubyWhitespace = [' ', '\t', '\n', '\v', '\f', '\r', '\0'];
}
