using OrchardPortal.Liquid.Filters;
using static OrchardPortal.Liquid.Tests.Filters.FilterTestKit;

namespace OrchardPortal.Liquid.Tests.Filters;

public sealed class StringFilterTests
{
    [Fact]
    public void Append_and_prepend_join_the_text_of_any_value()
    {
        Assert.Equal("hello5", Call(StandardFilters.Append, "hello", 5L));
        Assert.Equal("therehello", Call(StandardFilters.Prepend, "hello", "there"));
        Assert.Equal("hi", Call(StandardFilters.Append, null, "hi"));
        Assert.Equal("2.0x", Call(StandardFilters.Append, 2.0, "x"));
    }

    [Fact]
    public void A_missing_or_extra_argument_is_an_error_naming_the_filter()
    {
        var missing = Assert.Throws<LiquidRenderException>(() => Call(StandardFilters.Append, "hello"));
        Assert.Contains("append", missing.Message, StringComparison.Ordinal);
        Assert.Throws<LiquidRenderException>(() => Call(StandardFilters.Upcase, "hello", 5L));
        Assert.Throws<LiquidRenderException>(() => CallNamed(StandardFilters.Upcase, "hello", [], ("x", 1L)));
    }

    [Fact]
    public void Case_filters_follow_ruby()
    {
        Assert.Equal("HELLO", Call(StandardFilters.Upcase, "hello"));
        Assert.Equal("hello", Call(StandardFilters.Downcase, "HELLO"));
        Assert.Equal("Hello world", Call(StandardFilters.Capitalize, "hELLO WORLD"));
        Assert.Equal(string.Empty, Call(StandardFilters.Capitalize, null));
        Assert.Equal("5", Call(StandardFilters.Upcase, 5L));
    }

    [Fact]
    public void Strip_filters_remove_ascii_whitespace_only_on_their_side()
    {
        const string Padded = " \t\r\n  hello  \t\r\n ";
        Assert.Equal("hello", Call(StandardFilters.Strip, Padded));
        Assert.Equal("hello  \t\r\n ", Call(StandardFilters.Lstrip, Padded));
        Assert.Equal(" \t\r\n  hello", Call(StandardFilters.Rstrip, Padded));
        Assert.Equal(string.Empty, Call(StandardFilters.Strip, "   "));
    }

    [Fact]
    public void Newline_filters_treat_crlf_as_one_break_and_keep_a_lone_cr()
    {
        Assert.Equal("a<br />\nb<br />\nc", Call(StandardFilters.NewlineToBr, "a\r\nb\nc"));
        Assert.Equal("abc", Call(StandardFilters.StripNewlines, "a\r\nb\nc"));
        Assert.Equal("a\rb", Call(StandardFilters.StripNewlines, "a\rb"));
    }

    [Fact]
    public void Split_on_a_space_splits_on_runs_of_whitespace()
    {
        Assert.Equal(List("a", "b", "c"), Call(StandardFilters.Split, "  a b\n\tc ", " "));
    }

    [Fact]
    public void Split_drops_trailing_empty_items_but_keeps_leading_ones()
    {
        Assert.Equal(List(string.Empty, "a", "b"), Call(StandardFilters.Split, ",a,b,,", ","));
        Assert.Equal(List(), Call(StandardFilters.Split, ",", ","));
        Assert.Equal(List(), Call(StandardFilters.Split, string.Empty, ","));
    }

    [Fact]
    public void Split_on_nothing_gives_characters_and_nil_counts_as_nothing()
    {
        Assert.Equal(List("a", "b", "😀"), Call(StandardFilters.Split, "ab😀", string.Empty));
        Assert.Equal(List("h", "i"), Call(StandardFilters.Split, "hi", null));
        Assert.Equal(List("hello th", "ere"), Call(StandardFilters.Split, "hello th1ere", 1L));
    }

    [Fact]
    public void Replace_filters_treat_the_search_text_literally()
    {
        Assert.Equal("a.c a.c", Call(StandardFilters.Replace, "abc abc", "b", "."));
        Assert.Equal("x$0 abc", Call(StandardFilters.ReplaceFirst, "abc abc", "abc", "x$0"));
        Assert.Equal("abc x", Call(StandardFilters.ReplaceLast, "abc abc", "abc", "x"));
        Assert.Equal("heo", Call(StandardFilters.Replace, "hello", "ll"));
    }

    [Fact]
    public void Replacing_an_empty_string_inserts_at_every_character_boundary()
    {
        Assert.Equal("#a#b#", Call(StandardFilters.Replace, "ab", null, "#"));
        Assert.Equal("#ab", Call(StandardFilters.ReplaceFirst, "ab", string.Empty, "#"));
        Assert.Equal("ab#", Call(StandardFilters.ReplaceLast, "ab", string.Empty, "#"));
    }

    [Fact]
    public void Replace_cannot_blow_up_output_past_the_output_limit()
    {
        var context = new TemplateContext { Limits = LiquidLimits.Default with { MaxOutputSize = 1_000 } };
        var text = new string('a', 100);
        var error = Assert.Throws<LiquidLimitException>(() => CallWith(StandardFilters.Replace, context, text, string.Empty, new string('b', 100)));
        Assert.Equal(LiquidLimits.OutputSizeName, error.LimitName);
        Assert.Throws<LiquidLimitException>(() => CallWith(StandardFilters.Replace, context, text, "a", new string('b', 100)));
    }

    [Fact]
    public void Remove_filters_drop_all_first_or_last_occurrence()
    {
        const string Text = "I strained to see the train through the rain";
        Assert.Equal("I sted to see the t through the ", Call(StandardFilters.Remove, Text, "rain"));
        Assert.Equal("I sted to see the train through the rain", Call(StandardFilters.RemoveFirst, Text, "rain"));
        Assert.Equal("I strained to see the train through the ", Call(StandardFilters.RemoveLast, Text, "rain"));
        Assert.Equal("hello", Call(StandardFilters.Remove, "hello", null));
    }
}
