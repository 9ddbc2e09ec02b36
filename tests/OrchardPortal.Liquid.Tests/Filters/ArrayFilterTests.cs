using OrchardPortal.Liquid.Filters;
using OrchardPortal.Liquid.Values;
using static OrchardPortal.Liquid.Tests.Filters.FilterTestKit;

namespace OrchardPortal.Liquid.Tests.Filters;

public sealed class ArrayFilterTests
{
    [Fact]
    public void Join_flattens_and_joins_with_a_space_by_default()
    {
        Assert.Equal("a b", Call(StandardFilters.Join, List("a", "b")));
        Assert.Equal("a#x#1#2.0", Call(StandardFilters.Join, List("a", List("x", List()), 1L, 2.0), "#"));
        Assert.Equal("ab", Call(StandardFilters.Join, List("a", "b"), null));
        Assert.Equal("1#2#3", Call(StandardFilters.Join, new LiquidRange(1, 3), "#"));
        Assert.Equal("a,b", Call(StandardFilters.Join, "a,b", "#"));
        Assert.Equal(string.Empty, Call(StandardFilters.Join, null, "#"));
    }

    [Fact]
    public void Materialising_a_huge_range_stops_at_the_loop_limit()
    {
        var error = Assert.Throws<LiquidLimitException>(() => Call(StandardFilters.Reverse, new LiquidRange(1, 100_000_000)));
        Assert.Equal(LiquidLimits.LoopIterationsName, error.LimitName);
    }

    [Fact]
    public void First_and_last_read_arrays_ranges_and_hash_pairs()
    {
        Assert.Equal("a", Call(StandardFilters.First, List("a", "b")));
        Assert.Equal("b", Call(StandardFilters.Last, List("a", "b")));
        Assert.Equal(3L, Call(StandardFilters.Last, new LiquidRange(1, 3)));
        Assert.Equal(List("b", 1L), Call(StandardFilters.First, Hash(("b", 1L), ("c", 2L))));
        Assert.Null(Call(StandardFilters.Last, Hash(("b", 1L))));
        Assert.Null(Call(StandardFilters.First, "hello"));
        Assert.Null(Call(StandardFilters.First, List()));
    }

    [Fact]
    public void Reverse_flattens_and_wraps_scalars()
    {
        Assert.Equal(List(Hash(), 1L, "b", "a"), Call(StandardFilters.Reverse, List("a", "b", 1L, List(), Hash())));
        Assert.Equal(List(123L), Call(StandardFilters.Reverse, 123L));
    }

    [Fact]
    public void Concat_requires_an_array_argument()
    {
        Assert.Equal(List("a", "x", "b", "c"), Call(StandardFilters.Concat, List(List("a", "x"), "b"), List("c")));
        Assert.Equal(List("c"), Call(StandardFilters.Concat, null, List("c")));
        Assert.Throws<LiquidRenderException>(() => Call(StandardFilters.Concat, List("a"), 5L));
        Assert.Throws<LiquidRenderException>(() => Call(StandardFilters.Concat, List("a"), null));
    }

    [Fact]
    public void Compact_drops_nils_or_items_whose_property_is_nil()
    {
        Assert.Equal(List("b", "A"), Call(StandardFilters.Compact, List("b", null, "A")));
        var items = List(Hash(("t", "x")), Hash(("t", null)), Hash(("u", 1L)));
        Assert.Equal(List(Hash(("t", "x"))), Call(StandardFilters.Compact, items, "t"));
    }

    [Fact]
    public void Uniq_compares_by_value_and_type()
    {
        Assert.Equal(List("a", Hash(("k", 1L))), Call(StandardFilters.Uniq, List("a", List("a", List()), Hash(("k", 1L)), Hash(("k", 1L)))));
        Assert.Equal(List(1L, 1.0), Call(StandardFilters.Uniq, List(1L, 1.0, 1L)));
        var items = List(Hash(("t", "foo"), ("n", "a")), Hash(("t", "foo"), ("n", "b")), Hash(("n", "c")), Hash(("n", "d")));
        Assert.Equal(List(items[0], items[2]), Call(StandardFilters.Uniq, items, "t"));
    }

    [Fact]
    public void Map_reads_a_property_of_each_item()
    {
        var items = List(Hash(("title", "foo")), List(Hash(("title", "bar"))), Hash(("heading", "baz")), null);
        Assert.Equal(List("foo", "bar", null, null), Call(StandardFilters.Map, items, "title"));
        Assert.Equal(List("foo"), Call(StandardFilters.Map, Hash(("title", "foo")), "title"));
    }

    [Fact]
    public void Map_over_numbers_is_an_error()
    {
        var error = Assert.Throws<LiquidRenderException>(() => Call(StandardFilters.Map, List(Hash(), 5L), "title"));
        Assert.Contains("title", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Sum_adds_numbers_numeric_strings_and_properties()
    {
        Assert.Equal(6L, Call(StandardFilters.Sum, List(1L, List(2L, List(3L)))));
        Assert.Equal(-6L, Call(StandardFilters.Sum, List("-1", "-2", "-3")));
        Assert.Equal("0.6", Render(StandardFilters.Sum, List(0.1, 0.2, 0.3)));
        Assert.Equal(3L, Call(StandardFilters.Sum, List(Hash(("k", 1L)), Hash(("k", "2")), Hash(("x", 3L))), "k"));
        Assert.Equal(0L, Call(StandardFilters.Sum, List(Hash(("k", 1L)))));
        Assert.Equal(0L, Call(StandardFilters.Sum, List()));
        Assert.Throws<LiquidRenderException>(() => Call(StandardFilters.Sum, List(1L, 2L), "k"));
    }

    [Fact]
    public void Host_collections_are_treated_as_arrays()
    {
        Assert.Equal("1-2-3", Call(StandardFilters.Join, new HashSet<int> { 1, 2, 3 }, "-"));
        Assert.Equal(6L, Call(StandardFilters.Sum, new List<int> { 1, 2, 3 }));
    }
}
