using System.Text;
using static OrchardPortal.Liquid.Filters.StandardFilterValues;

namespace OrchardPortal.Liquid.Filters;

public static partial class StandardFilters
{
    public static object? Append(object? input, FilterArguments arguments, TemplateContext context)
    {
        ExpectArguments("append", arguments, 1, 1);
        return string.Concat(ToText(input), ToText(arguments.At(0)));
    }

    public static object? Prepend(object? input, FilterArguments arguments, TemplateContext context)
    {
        ExpectArguments("prepend", arguments, 1, 1);
        return string.Concat(ToText(arguments.At(0)), ToText(input));
    }

    public static object? Upcase(object? input, FilterArguments arguments, TemplateContext context)
    {
        ExpectArguments("upcase", arguments, 0, 0);
        return ToText(input).ToUpperInvariant();
    }

    public static object? Downcase(object? input, FilterArguments arguments, TemplateContext context)
    {
        ExpectArguments("downcase", arguments, 0, 0);
        return ToText(input).ToLowerInvariant();
    }

    /// <summary>Ruby's <c>String#capitalize</c>: the first character upper case, every other one lower case.</summary>
    public static object? Capitalize(object? input, FilterArguments arguments, TemplateContext context)
    {
        ExpectArguments("capitalize", arguments, 0, 0);
        var text = ToText(input);
        if (text.Length == 0)
        {
            return text;
        }

        return string.Create(text.Length, text, static (span, source) =>
        {
            source.AsSpan().ToLowerInvariant(span);
            span[0] = char.ToUpperInvariant(source[0]);
        });
    }

    public static object? Strip(object? input, FilterArguments arguments, TemplateContext context)
    {
        ExpectArguments("strip", arguments, 0, 0);
        var text = ToText(input);
        var start = SkipSpaceForward(text);
        return start == text.Length ? string.Empty : Cut(text, start, SkipSpaceBackward(text));
    }

    public static object? Lstrip(object? input, FilterArguments arguments, TemplateContext context)
    {
        ExpectArguments("lstrip", arguments, 0, 0);
        var text = ToText(input);
        return Cut(text, SkipSpaceForward(text), text.Length);
    }

    public static object? Rstrip(object? input, FilterArguments arguments, TemplateContext context)
    {
        ExpectArguments("rstrip", arguments, 0, 0);
        var text = ToText(input);
        return Cut(text, 0, SkipSpaceBackward(text));
    }

    /// <summary>Removes <c>\r?\n</c> line breaks; a lone <c>\r</c> stays, as in Ruby Liquid.</summary>
    public static object? StripNewlines(object? input, FilterArguments arguments, TemplateContext context)
    {
        ExpectArguments("strip_newlines", arguments, 0, 0);
        return ReplaceLineBreaks(ToText(input), string.Empty);
    }

    public static object? NewlineToBr(object? input, FilterArguments arguments, TemplateContext context)
    {
        ExpectArguments("newline_to_br", arguments, 0, 0);
        return ReplaceLineBreaks(ToText(input), "<br />\n");
    }

    /// <summary>
    /// Ruby's <c>String#split</c> with a string pattern: a single space splits on runs of whitespace ignoring
    /// leading whitespace, an empty pattern splits into characters, and trailing empty items are dropped.
    /// </summary>
    public static object? Split(object? input, FilterArguments arguments, TemplateContext context)
    {
        ExpectArguments("split", arguments, 1, 1);
        var text = ToText(input);
        var pattern = ToText(arguments.At(0));
        var parts = new List<object?>();
        if (text.Length == 0)
        {
            return parts;
        }

        if (pattern == " ")
        {
            SplitOnWhitespace(text, parts);
        }
        else if (pattern.Length == 0)
        {
            SplitIntoCharacters(text, parts);
        }
        else
        {
            var start = 0;
            int found;
            while ((found = text.IndexOf(pattern, start, StringComparison.Ordinal)) >= 0)
            {
                parts.Add(text[start..found]);
                start = found + pattern.Length;
            }

            parts.Add(text[start..]);
            while (parts.Count > 0 && ((string)parts[^1]!).Length == 0)
            {
                parts.RemoveAt(parts.Count - 1);
            }
        }

        return parts;
    }

    private static void SplitOnWhitespace(string text, List<object?> parts)
    {
        var index = 0;
        while (index < text.Length)
        {
            while (index < text.Length && IsRubySpace(text[index]))
            {
                index++;
            }

            var start = index;
            while (index < text.Length && !IsRubySpace(text[index]))
            {
                index++;
            }

            if (index > start)
            {
                parts.Add(text[start..index]);
            }
        }
    }

    private static void SplitIntoCharacters(string text, List<object?> parts)
    {
        for (var index = 0; index < text.Length; index++)
        {
            var width = char.IsHighSurrogate(text[index]) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]) ? 2 : 1;
            parts.Add(text.Substring(index, width));
            index += width - 1;
        }
    }

    private static string ReplaceLineBreaks(string text, string replacement)
    {
        var next = text.IndexOf('\n', StringComparison.Ordinal);
        if (next < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 8);
        var start = 0;
        while (next >= 0)
        {
            var end = next > start && text[next - 1] == '\r' ? next - 1 : next;
            builder.Append(text, start, end - start).Append(replacement);
            start = next + 1;
            next = text.IndexOf('\n', start);
        }

        return builder.Append(text, start, text.Length - start).ToString();
    }

    private static int SkipSpaceForward(string text)
    {
        var index = 0;
        while (index < text.Length && (IsRubySpace(text[index]) || text[index] == '\0'))
        {
            index++;
        }

        return index;
    }

    private static int SkipSpaceBackward(string text)
    {
        var end = text.Length;
        while (end > 0 && (IsRubySpace(text[end - 1]) || text[end - 1] == '\0'))
        {
            end--;
        }

        return end;
    }

    private static string Cut(string text, int start, int end) =>
        start == 0 && end == text.Length ? text : text[start..end];
}
