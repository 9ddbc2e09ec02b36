namespace OrchardPortal.Liquid.Parsing;

/// <summary>The template being parsed, for turning an offset into a line, column and excerpt in errors.</summary>
internal sealed class SourceInfo
{
    private const int ExcerptLength = 40;

    public SourceInfo(string source, string? name)
    {
        Source = source;
        Name = name;
    }

    public string Source { get; }

    public string? Name { get; }

    public LiquidParseException Error(string message, int offset)
    {
        offset = Math.Clamp(offset, 0, Source.Length);
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < offset; i++)
        {
            if (Source[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        var lineEnd = Source.IndexOf('\n', offset);
        if (lineEnd < 0)
        {
            lineEnd = Source.Length;
        }

        var excerptStart = Math.Max(lineStart, offset - (ExcerptLength / 2));
        var excerptEnd = Math.Min(lineEnd, excerptStart + ExcerptLength);
        var excerpt = Source[excerptStart..excerptEnd].TrimEnd('\r');
        var prefix = Name is null ? string.Empty : Name + ": ";
        return new LiquidParseException(prefix + message, line, offset - lineStart + 1, excerpt);
    }
}
