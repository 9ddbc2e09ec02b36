using OrchardPortal.Liquid.Filters;
using OrchardPortal.Liquid.Values;
using static OrchardPortal.Liquid.Tests.Filters.FilterTestKit;

namespace OrchardPortal.Liquid.Tests.Filters;

public sealed class SubstringFilterTests
{
    private const string Tom = "Ground control to Major Tom.";

    [Fact]
    public void Truncate_counts_the_ellipsis_in_the_length()
    {
        Assert.Equal("Ground control to...", Call(StandardFilters.Truncate, Tom, 20L));
        Assert.Equal("Ground control, and so on", Call(StandardFilters.Truncate, Tom, 25L, ", and so on"));
        Assert.Equal("Ground control to Ma", Call(StandardFilters.Truncate, Tom, 20L, null));
        Assert.Equal("...", Call(StandardFilters.Truncate, Tom, 2L));
        Assert.Equal("...", Call(StandardFilters.Truncate, Tom, long.MinValue));
        Assert.Equal("Ground", Call(StandardFilters.Truncate, "Ground", 20L));
    }

    [Fact]
    public void Truncate_counts_characters_not_utf16_units()
    {
        Assert.Equal("😀😀😀", Call(StandardFilters.Truncate, "😀😀😀", 3L));
        Assert.Equal("😀.", Call(StandardFilters.Truncate, "😀😀😀", 2L, "."));
    }

    [Fact]
    public void Truncate_counts_characters_wherever_the_surrogate_pairs_are()
    {
        var tail = new string('x', 400);
        Assert.Equal("ab...", Call(StandardFilters.Truncate, "abcdefgh" + tail + "😀", 5L));
        Assert.Equal("😀😀...", Call(StandardFilters.Truncate, "😀😀" + tail, 5L));
        Assert.Equal("a😀b😀c", Call(StandardFilters.Truncate, "a😀b😀c", 5L));
        Assert.Equal("a😀b😀", Call(StandardFilters.Truncate, "a😀b😀c", 4L, ""));
        Assert.Equal("a😀.", Call(StandardFilters.Truncate, "a😀b😀c", 3L, "."));
    }

    [Fact]
    public void Truncate_length_must_be_an_integer()
    {
        Assert.Throws<LiquidRenderException>(() => Call(StandardFilters.Truncate, Tom, null));
        Assert.Throws<LiquidRenderException>(() => Call(StandardFilters.Truncate, Tom, 2.5));
        Assert.Equal("Gr...", Call(StandardFilters.Truncate, Tom, " 5 "));
        Assert.Null(Call(StandardFilters.Truncate, null, 5L));
    }

    [Fact]
    public void Truncatewords_collapses_whitespace_and_defaults_to_fifteen_words()
    {
        Assert.Equal("one two...", Call(StandardFilters.Truncatewords, "    one    two three    four  ", 2L));
        Assert.Equal("one two1", Call(StandardFilters.Truncatewords, "one two three", 2L, 1L));
        Assert.Equal("one...", Call(StandardFilters.Truncatewords, "one two", 0L));
        Assert.Equal("a b c d e f g h i j k l m n o...", Call(StandardFilters.Truncatewords, "a b c d e f g h i j k l m n o p q"));
    }

    [Fact]
    public void Truncatewords_returns_the_input_unchanged_when_short_enough()
    {
        Assert.Equal("one  two", Call(StandardFilters.Truncatewords, "one  two", 2L));
        Assert.Equal("测试测试测试测试", Call(StandardFilters.Truncatewords, "测试测试测试测试", 5L));
    }

    [Theory]
    [InlineData(1L, null, "e")]
    [InlineData(1L, 3L, "ell")]
    [InlineData(-2L, null, "l")]
    [InlineData(-2L, 99L, "lo")]
    [InlineData(-2L, -1L, "")]
    [InlineData(5L, null, "")]
    [InlineData(99L, null, "")]
    [InlineData(-99L, 2L, "")]
    [InlineData("2", "2", "ll")]
    public void Slice_takes_characters_from_an_offset(object offset, object? length, string expected)
    {
        var result = length is null ? Call(StandardFilters.Slice, "hello", offset) : Call(StandardFilters.Slice, "hello", offset, length);
        Assert.Equal(expected, result);
    }

    [Fact]
    public void Slice_takes_items_from_arrays()
    {
        Assert.Equal(List(3L, 4L, 5L), Call(StandardFilters.Slice, List(1L, 2L, 3L, 4L, 5L), 2L, 3L));
        Assert.Equal(List(5L), Call(StandardFilters.Slice, List(1L, 2L, 3L, 4L, 5L), -1L));
        Assert.Equal(List(), Call(StandardFilters.Slice, List(1L), 5L));
    }

    [Fact]
    public void Slice_rejects_offsets_that_are_not_integers()
    {
        Assert.Throws<LiquidRenderException>(() => Call(StandardFilters.Slice, "Liquid", 2.2));
        Assert.Throws<LiquidRenderException>(() => Call(StandardFilters.Slice, "Liquid", "foo"));
        Assert.Throws<LiquidRenderException>(() => Call(StandardFilters.Slice, "Liquid", null, 3L));
    }

    [Fact]
    public void Size_counts_characters_items_and_pairs()
    {
        Assert.Equal(3L, Call(StandardFilters.Size, "a😀c"));
        Assert.Equal(2L, Call(StandardFilters.Size, List(1L, 2L)));
        Assert.Equal(1L, Call(StandardFilters.Size, Hash(("a", 1L))));
        Assert.Equal(10L, Call(StandardFilters.Size, new LiquidRange(1, 10)));
        Assert.Equal(0L, Call(StandardFilters.Size, null));
        Assert.Equal(0L, Call(StandardFilters.Size, 5L));
        Assert.Equal(3L, Call(StandardFilters.Size, new List<int> { 1, 2, 3 }));
    }
}
