using System.Text;
using static OrchardPortal.Liquid.Filters.StandardFilterValues;

namespace OrchardPortal.Liquid.Filters;

/// <remarks>
/// Search strings are literal and replacements are inserted as written (no <c>\1</c> back-references).
/// An empty search string matches at every character boundary, as Ruby's <c>gsub("")</c> does.
/// </remarks>
public static partial class StandardFilters
{
    public static object? Remove(object? input, FilterArguments arguments, TemplateContext context)
    {
        ExpectArguments("remove", arguments, 1, 1);
        var search = ToText(arguments.At(0));
        var text = ToText(input);
        return search.Length == 0 ? text : text.Replace(search, string.Empty, StringComparison.Ordinal);
    }

    public static object? RemoveFirst(object? input, FilterArguments arguments, TemplateContext context)
    {
        ExpectArguments("remove_first", arguments, 1, 1);
        var text = ToText(input);
        var search = ToText(arguments.At(0));
        return ReplaceAt(text, text.IndexOf(search, StringComparison.Ordinal), search.Length, string.Empty);
    }

    public static object? RemoveLast(object? input, FilterArguments arguments, TemplateContext context)
    {
        ExpectArguments("remove_last", arguments, 1, 1);
        var text = ToText(input);
        var search = ToText(arguments.At(0));
        return ReplaceAt(text, LastIndexOf(text, search), search.Length, string.Empty);
    }

    public static object? Replace(object? input, FilterArguments arguments, TemplateContext context)
    {
        ExpectArguments("replace", arguments, 1, 2);
        return ReplaceAll(ToText(input), ToText(arguments.At(0)), ToText(arguments.At(1)), context);
    }

    public static object? ReplaceFirst(object? input, FilterArguments arguments, TemplateContext context)
    {
        ExpectArguments("replace_first", arguments, 1, 2);
        var text = ToText(input);
        var search = ToText(arguments.At(0));
        return ReplaceAt(text, text.IndexOf(search, StringComparison.Ordinal), search.Length, ToText(arguments.At(1)));
    }

    public static object? ReplaceLast(object? input, FilterArguments arguments, TemplateContext context)
    {
        ExpectArguments("replace_last", arguments, 2, 2);
        var text = ToText(input);
        var search = ToText(arguments.At(0));
        return ReplaceAt(text, LastIndexOf(text, search), search.Length, ToText(arguments.At(1)));
    }

    private static int LastIndexOf(string text, string search) =>
        search.Length == 0 ? text.Length : text.LastIndexOf(search, StringComparison.Ordinal);

    private static string ReplaceAt(string text, int index, int length, string replacement)
    {
        if (index < 0)
        {
            return text;
        }

        return string.Concat(text.AsSpan(0, index), replacement, text.AsSpan(index + length));
    }

    private static string ReplaceAll(string text, string search, string replacement, TemplateContext context)
    {
        if (search.Length == 0)
        {
            return InsertBetweenCharacters(text, replacement, context);
        }

        if (replacement.Length > search.Length)
        {
            // Only count matches when the worst case could pass the output limit; the common case stays one pass.
            var growth = replacement.Length - search.Length;
            if (text.Length + ((long)(text.Length / search.Length) * growth) > context.Limits.MaxOutputSize)
            {
                EnsureOutputSize(text.Length + ((long)CountOccurrences(text, search) * growth), context);
            }
        }

        return text.Replace(search, replacement, StringComparison.Ordinal);
    }

    private static string InsertBetweenCharacters(string text, string replacement, TemplateContext context)
    {
        if (replacement.Length == 0)
        {
            return text;
        }

        EnsureOutputSize(text.Length + ((long)(text.Length + 1) * replacement.Length), context);
        var builder = new StringBuilder(text.Length + ((text.Length + 1) * replacement.Length));
        builder.Append(replacement);
        for (var index = 0; index < text.Length; index++)
        {
            builder.Append(text[index]);
            if (!char.IsHighSurrogate(text[index]) || index + 1 >= text.Length)
            {
                builder.Append(replacement);
            }
        }

        return builder.ToString();
    }

    private static int CountOccurrences(string text, string search)
    {
        var count = 0;
        var index = 0;
        while ((index = text.IndexOf(search, index, StringComparison.Ordinal)) >= 0)
        {
            count++;
            index += search.Length;
        }

        return count;
    }
}
