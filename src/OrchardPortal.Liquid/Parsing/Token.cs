namespace OrchardPortal.Liquid.Parsing;

internal enum TokenKind
{
    Text,
    RawText,
    Output,
    Tag,
}

/// <summary>
/// One piece of template source: literal text, a <c>{{ }}</c> output or a <c>{% %}</c> tag.
/// <see cref="Offset"/> points into the template source so errors can report line and column.
/// </summary>
internal sealed class Token
{
    public Token(TokenKind kind, string name, string markup, int offset, int markupOffset, bool trimLeft, bool trimRight)
    {
        Kind = kind;
        Name = name;
        Markup = markup;
        Offset = offset;
        MarkupOffset = markupOffset;
        TrimLeft = trimLeft;
        TrimRight = trimRight;
    }

    public TokenKind Kind { get; }

    /// <summary>Tag name; empty for text and output.</summary>
    public string Name { get; }

    /// <summary>Text content, output expression, or the tag's markup after its name.</summary>
    public string Markup { get; set; }

    public int Offset { get; }

    /// <summary>Offset of <see cref="Markup"/> in the source, for error positions inside expressions.</summary>
    public int MarkupOffset { get; }

    public bool TrimLeft { get; }

    public bool TrimRight { get; }
}
