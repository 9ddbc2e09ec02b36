using System.Text;
using static OrchardPortal.Liquid.Filters.StandardFilterValues;

namespace OrchardPortal.Liquid.Filters;

public static partial class StandardFilters
{
    private static readonly System.Buffers.SearchValues<char> HtmlSpecials = System.Buffers.SearchValues.Create("&<>\"'");

    /// <summary>HTML-escapes <c>&amp; &lt; &gt; " '</c> (Ruby's <c>CGI.escapeHTML</c>); nil stays nil.</summary>
    public static object? Escape(object? input, FilterArguments arguments, TemplateContext context)
    {
        ExpectArguments("escape", arguments, 0, 0);
        return input is null ? null : EscapeHtml(ToText(input), skipEntities: false);
    }

    /// <summary>Like <c>escape</c>, but leaves existing entities (<c>&amp;amp;</c>, <c>&amp;#20;</c>) alone.</summary>
    public static object? EscapeOnce(object? input, FilterArguments arguments, TemplateContext context)
    {
        ExpectArguments("escape_once", arguments, 0, 0);
        return EscapeHtml(ToText(input), skipEntities: true);
    }

    /// <summary>Removes script, style and comment blocks with their content, then every remaining tag.</summary>
    public static object? StripHtml(object? input, FilterArguments arguments, TemplateContext context)
    {
        ExpectArguments("strip_html", arguments, 0, 0);
        var text = ToText(input);
        if (!text.Contains('<', StringComparison.Ordinal))
        {
            return text;
        }

        return RemoveTags(RemoveBlocks(text));
    }

    internal static string EscapeHtml(string text, bool skipEntities)
    {
        var next = text.AsSpan().IndexOfAny(HtmlSpecials);
        if (next < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 16);
        builder.Append(text, 0, next);
        for (var index = next; index < text.Length; index++)
        {
            var c = text[index];
            switch (c)
            {
                case '&' when skipEntities && IsEntityAt(text, index + 1):
                    builder.Append('&');
                    break;
                case '&':
                    builder.Append("&amp;");
                    break;
                case '<':
                    builder.Append("&lt;");
                    break;
                case '>':
                    builder.Append("&gt;");
                    break;
                case '"':
                    builder.Append("&quot;");
                    break;
                case '\'':
                    builder.Append("&#39;");
                    break;
                default:
                    builder.Append(c);
                    break;
            }
        }

        return builder.ToString();
    }

    /// <summary>True when <paramref name="start"/> begins <c>name;</c> (ASCII letters) or <c>#digits;</c>.</summary>
    private static bool IsEntityAt(string text, int start)
    {
        var index = start;
        if (index < text.Length && text[index] == '#')
        {
            index++;
            var digitsStart = index;
            while (index < text.Length && char.IsAsciiDigit(text[index]))
            {
                index++;
            }

            return index > digitsStart && index < text.Length && text[index] == ';';
        }

        while (index < text.Length && char.IsAsciiLetter(text[index]))
        {
            index++;
        }

        return index > start && index < text.Length && text[index] == ';';
    }

    private static string RemoveBlocks(string text)
    {
        StringBuilder? builder = null;
        var copied = 0;
        var index = text.IndexOf('<', StringComparison.Ordinal);
        while (index >= 0)
        {
            var end = BlockEnd(text, index, "<script", "</script>");
            if (end < 0)
            {
                end = BlockEnd(text, index, "<!--", "-->");
            }

            if (end < 0)
            {
                end = BlockEnd(text, index, "<style", "</style>");
            }

            if (end < 0)
            {
                index = text.IndexOf('<', index + 1);
                continue;
            }

            builder ??= new StringBuilder(text.Length);
            builder.Append(text, copied, index - copied);
            copied = end;
            index = end < text.Length ? text.IndexOf('<', end) : -1;
        }

        return builder is null ? text : builder.Append(text, copied, text.Length - copied).ToString();
    }

    /// <summary>End offset of a block that opens with <paramref name="open"/> at <paramref name="index"/>, or -1.</summary>
    private static int BlockEnd(string text, int index, string open, string close)
    {
        if (string.CompareOrdinal(text, index, open, 0, open.Length) != 0)
        {
            return -1;
        }

        var closeAt = text.IndexOf(close, index + open.Length, StringComparison.Ordinal);
        return closeAt < 0 ? -1 : closeAt + close.Length;
    }

    private static string RemoveTags(string text)
    {
        StringBuilder? builder = null;
        var copied = 0;
        var open = text.IndexOf('<', StringComparison.Ordinal);
        while (open >= 0)
        {
            var close = text.IndexOf('>', open + 1);
            if (close < 0)
            {
                break;
            }

            builder ??= new StringBuilder(text.Length);
            builder.Append(text, copied, open - copied);
            copied = close + 1;
            open = text.IndexOf('<', copied);
        }

        return builder is null ? text : builder.Append(text, copied, text.Length - copied).ToString();
    }
}
