using System.Collections;
using System.Text;
using OrchardPortal.Liquid.Values;
using static OrchardPortal.Liquid.Filters.StandardFilterValues;

namespace OrchardPortal.Liquid.Filters;

/// <remarks>Lengths and offsets count characters (code points) the way Ruby does, not UTF-16 units.</remarks>
public static partial class StandardFilters
{
    public static object? Truncate(object? input, FilterArguments arguments, TemplateContext context)
    {
        ExpectArguments("truncate", arguments, 0, 2);
        if (input is null)
        {
            return null;
        }

        var text = ToText(input);
        var length = arguments.Count > 0 ? ToInteger("truncate", arguments.At(0)) : 50;
        var ellipsis = arguments.Count > 1 ? ToText(arguments.At(1)) : "...";
        if (!HasMoreCharactersThan(text, length))
        {
            return text;
        }

        // Only the kept prefix decides how characters map to UTF-16 offsets: the first `keep` characters span at least
        // `keep` units, and if those units hold no surrogate they are exactly the kept characters.
        var keep = (int)Math.Min(length <= 0 ? 0 : Math.Max(0, length - CharacterCount(ellipsis)), int.MaxValue);
        var end = OffsetOfCharacter(text, keep, HasSurrogates(text, keep));
        return string.Concat(text.AsSpan(0, end), ellipsis);
    }

    /// <summary>Keeps the first N words (default 15, at least 1) joined by single spaces, then the ellipsis.</summary>
    public static object? Truncatewords(object? input, FilterArguments arguments, TemplateContext context)
    {
        ExpectArguments("truncatewords", arguments, 0, 2);
        if (input is null)
        {
            return null;
        }

        var text = ToText(input);
        var words = arguments.Count > 0 ? ToInteger("truncatewords", arguments.At(0)) : 15;
        words = Math.Max(words, 1);
        StringBuilder? kept = null;
        var found = 0L;
        var index = 0;
        while (index < text.Length)
        {
            while (index < text.Length && IsRubySpace(text[index]))
            {
                index++;
            }

            if (index == text.Length)
            {
                break;
            }

            var start = index;
            while (index < text.Length && !IsRubySpace(text[index]))
            {
                index++;
            }

            kept ??= new StringBuilder();
            if (kept.Length > 0)
            {
                kept.Append(' ');
            }

            kept.Append(text, start, index - start);
            if (++found == words)
            {
                // Ruby's split with a limit keeps whatever follows, even lone whitespace, as one more item.
                return index < text.Length
                    ? kept.Append(arguments.Count > 1 ? ToText(arguments.At(1)) : "...").ToString()
                    : text;
            }
        }

        return text;
    }

    /// <summary>Ruby's <c>slice(offset, length)</c> on arrays, or on the text of anything else; negative offsets count from the end.</summary>
    public static object? Slice(object? input, FilterArguments arguments, TemplateContext context)
    {
        ExpectArguments("slice", arguments, 1, 2);
        var offset = ToInteger("slice", arguments.At(0));
        var lengthArgument = arguments.At(1);
        var length = lengthArgument is null or false ? 1 : ToInteger("slice", lengthArgument);
        if (Normalize(input) is IList<object?> list)
        {
            var result = new List<object?>();
            if (TryResolveSlice(list.Count, offset, length, out var from, out var count))
            {
                for (var i = from; i < from + count; i++)
                {
                    result.Add(Normalize(list[i]));
                }
            }

            return result;
        }

        var text = ToText(input);
        var surrogates = HasSurrogates(text);
        if (!TryResolveSlice(surrogates ? CharacterCount(text) : text.Length, offset, length, out var first, out var taken))
        {
            return string.Empty;
        }

        var start = OffsetOfCharacter(text, first, surrogates);
        var end = surrogates ? OffsetOfCharacter(text, first + taken, surrogates) : first + taken;
        return text[start..end];
    }

    private static bool TryResolveSlice(int size, long offset, long length, out int from, out int count)
    {
        from = 0;
        count = 0;
        if (offset < 0)
        {
            offset += size;
        }

        if (offset < 0 || offset > size || length < 0)
        {
            return false;
        }

        from = (int)offset;
        count = (int)Math.Min(length, size - offset);
        return true;
    }

    public static object? Size(object? input, FilterArguments arguments, TemplateContext context)
    {
        ExpectArguments("size", arguments, 0, 0);
        switch (input)
        {
            case string text:
                return BoxedValueCache.Box(CharacterCount(text));
            case IDictionary<string, object?> hash:
                return BoxedValueCache.Box(hash.Count);
            case LiquidRange range:
                return BoxedValueCache.Box(range.LongCount);
            case ICollection collection:
                return BoxedValueCache.Box(collection.Count);
            case ICollection<object?> items:
                return BoxedValueCache.Box(items.Count);
            case null or long or double or bool:
                // Ruby answers Integer#size with the byte width (8); Liquid users expect 0 for "no size".
                return BoxedValueCache.Box(0L);
        }

        var normalized = Normalize(input);
        if (!ReferenceEquals(normalized, input))
        {
            return Size(normalized, arguments, context);
        }

        return LiquidValues.GetProperty(input, "size", context) is long size ? size : 0L;
    }
}
