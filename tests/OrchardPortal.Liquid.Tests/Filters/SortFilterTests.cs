using OrchardPortal.Liquid.Filters;
using static OrchardPortal.Liquid.Tests.Filters.FilterTestKit;

namespace OrchardPortal.Liquid.Tests.Filters;

public sealed class SortFilterTests
{
    [Fact]
    public void Sort_orders_numbers_numerically_and_strings_by_code_point()
    {
        Assert.Equal(List(1L, 2.5, 3L, 30L, 1000L), Call(StandardFilters.Sort, List(1L, 1000L, 3L, 2.5, 30L)));
        Assert.Equal(List("A", "B", "C", "a", "b"), Call(StandardFilters.Sort, List("b", "a", "C", "B", "A")));
    }

    [Fact]
    public void Sort_puts_nil_last_and_rejects_mixed_types()
    {
        Assert.Equal(List("a", "b", null), Call(StandardFilters.Sort, List("b", null, "a")));
        var error = Assert.Throws<LiquidRenderException>(() => Call(StandardFilters.Sort, List(1L, "4")));
        Assert.Contains("incompatible", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Sort_by_property_is_stable_and_puts_missing_values_last()
    {
        var foo = Hash(("title", "foo"));
        var heading = Hash(("heading", "Baz"));
        var bar = Hash(("title", "bar"));
        var bar2 = Hash(("title", "bar"), ("n", 2L));
        Assert.Equal(List(bar, bar2, foo, heading), Call(StandardFilters.Sort, List(foo, heading, bar, bar2), "title"));
    }

    [Fact]
    public void Sort_by_property_gives_nil_when_an_item_has_no_properties()
    {
        Assert.Null(Call(StandardFilters.Sort, List(Hash(("t", 1L)), null), "t"));
    }

    [Fact]
    public void Sort_natural_ignores_case_and_compares_text()
    {
        Assert.Equal(List("a", "A", "b", "B", "C"), Call(StandardFilters.SortNatural, List("b", "a", "C", "B", "A")));
        Assert.Equal(List(1L, "4", Hash()), Call(StandardFilters.SortNatural, List(Hash(), 1L, "4")));
        var items = List(Hash(("t", 9L)), Hash(("t", 1111L)), Hash(("t", 87L)));
        Assert.Equal(List(items[1], items[2], items[0]), Call(StandardFilters.SortNatural, items, "t"));
    }

    [Fact]
    public void Sorting_a_scalar_gives_a_one_item_array()
    {
        Assert.Equal(List("BzAa4"), Call(StandardFilters.Sort, "BzAa4"));
        Assert.Equal(List(), Call(StandardFilters.SortNatural, null));
    }
}
