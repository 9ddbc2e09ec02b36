namespace OrchardPortal.Liquid.Filters;

/// <summary>
/// The standard Liquid filters (Shopify Liquid 5's <c>standardfilters.rb</c> list, except <c>raw</c>,
/// which the engine owns because it interacts with auto-escaping).
/// </summary>
/// <remarks>
/// Each filter checks its own argument count, as Ruby does for method arity, so a template that passes
/// too many or too few arguments fails with a clear <see cref="LiquidRenderException"/>.
/// </remarks>
public static partial class StandardFilters
{
    /// <summary>Adds every standard filter to <paramref name="registry"/>.</summary>
    public static void Register(FilterRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);

        // Strings
        registry.Add("append", Append);
        registry.Add("prepend", Prepend);
        registry.Add("capitalize", Capitalize);
        registry.Add("upcase", Upcase);
        registry.Add("downcase", Downcase);
        registry.Add("strip", Strip);
        registry.Add("lstrip", Lstrip);
        registry.Add("rstrip", Rstrip);
        registry.Add("strip_newlines", StripNewlines);
        registry.Add("newline_to_br", NewlineToBr);
        registry.Add("remove", Remove);
        registry.Add("remove_first", RemoveFirst);
        registry.Add("remove_last", RemoveLast);
        registry.Add("replace", Replace);
        registry.Add("replace_first", ReplaceFirst);
        registry.Add("replace_last", ReplaceLast);
        registry.Add("split", Split);
        registry.Add("truncate", Truncate);
        registry.Add("truncatewords", Truncatewords);
        registry.Add("slice", Slice);
        registry.Add("size", Size);

        // HTML, URLs and encodings
        registry.Add("escape", Escape);
        registry.Add("h", Escape);
        registry.Add("escape_once", EscapeOnce);
        registry.Add("strip_html", StripHtml);
        registry.Add("url_encode", UrlEncode);
        registry.Add("url_decode", UrlDecode);
        registry.Add("base64_encode", Base64Encode);
        registry.Add("base64_decode", Base64Decode);
        registry.Add("base64_url_safe_encode", Base64UrlSafeEncode);
        registry.Add("base64_url_safe_decode", Base64UrlSafeDecode);

        // Math
        registry.Add("abs", Abs);
        registry.Add("ceil", Ceil);
        registry.Add("floor", Floor);
        registry.Add("round", Round);
        registry.Add("at_least", AtLeast);
        registry.Add("at_most", AtMost);
        registry.Add("plus", Plus);
        registry.Add("minus", Minus);
        registry.Add("times", Times);
        registry.Add("divided_by", DividedBy);
        registry.Add("modulo", Modulo);

        // Arrays
        registry.Add("join", Join);
        registry.Add("first", First);
        registry.Add("last", Last);
        registry.Add("reverse", Reverse);
        registry.Add("concat", Concat);
        registry.Add("compact", Compact);
        registry.Add("uniq", Uniq);
        registry.Add("map", Map);
        registry.Add("sum", Sum);
        registry.Add("sort", Sort);
        registry.Add("sort_natural", SortNatural);
        registry.Add("where", Where);
        registry.Add("reject", Reject);
        registry.Add("find", Find);
        registry.Add("find_index", FindIndex);
        registry.Add("has", Has);

        // Misc
        registry.Add("default", Default);
        registry.Add("date", Date);
    }

    /// <summary>
    /// Checks the argument count like a Ruby method call would. Keyword arguments count as one extra
    /// positional argument for filters that take none (Ruby passes them as a trailing hash).
    /// </summary>
    private static void ExpectArguments(string filter, FilterArguments arguments, int min, int max, bool acceptsNamed = false)
    {
        var count = arguments.Count;
        if (!acceptsNamed && arguments.Named.Count > 0)
        {
            count++;
        }

        if (count < min || count > max)
        {
            var expected = min == max ? min.ToString(System.Globalization.CultureInfo.InvariantCulture) : $"{min}..{max}";
            throw new LiquidRenderException($"Liquid error: wrong number of arguments for filter '{filter}' (given {count}, expected {expected})");
        }
    }
}
