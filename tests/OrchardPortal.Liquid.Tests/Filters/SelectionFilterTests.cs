using OrchardPortal.Liquid.Filters;
using static OrchardPortal.Liquid.Tests.Filters.FilterTestKit;

namespace OrchardPortal.Liquid.Tests.Filters;

public sealed class SelectionFilterTests
{
    private static readonly Dictionary<string, object?> Foo = Hash(("title", "foo"), ("b", false));
    private static readonly Dictionary<string, object?> Bar = Hash(("title", "bar"), ("b", "x"));
    private static readonly Dictionary<string, object?> Untitled = Hash(("title", null));

    [Fact]
    public void Where_keeps_truthy_or_equal_properties()
    {
        Assert.Equal(List(Foo, Bar), Call(StandardFilters.Where, List(Foo, Bar, Untitled), "title"));
        Assert.Equal(List(Bar), Call(StandardFilters.Where, List(Foo, Bar, Untitled), "title", "bar"));
        Assert.Equal(List(Foo), Call(StandardFilters.Where, List(Foo, Bar, Untitled), "b", false));
        Assert.Equal(List(), Call(StandardFilters.Where, List(Foo, Bar), null));
    }

    [Fact]
    public void Reject_is_the_opposite_of_where()
    {
        Assert.Equal(List(Untitled), Call(StandardFilters.Reject, List(Foo, Bar, Untitled), "title"));
        Assert.Equal(List(Foo, Untitled), Call(StandardFilters.Reject, List(Foo, Bar, Untitled), "title", "bar"));
        Assert.Equal(List("x", "y"), Call(StandardFilters.Reject, List("x", "y", "cat"), "c"));
    }

    [Fact]
    public void Find_and_find_index_return_the_first_match()
    {
        Assert.Same(Bar, Call(StandardFilters.Find, List(Foo, Bar), "title", "bar"));
        Assert.Equal(1L, Call(StandardFilters.FindIndex, List(Foo, Bar), "title", "bar"));
        Assert.Equal("zoo", Call(StandardFilters.Find, List("x", "zoo"), "oo"));
        Assert.Null(Call(StandardFilters.Find, List(Foo), "title", "nope"));
        Assert.Null(Call(StandardFilters.FindIndex, List(), "title"));
    }

    [Fact]
    public void Has_tells_whether_any_item_matches()
    {
        Assert.Equal(true, Call(StandardFilters.Has, List(Foo, Bar), "title", "bar"));
        Assert.Equal(false, Call(StandardFilters.Has, List(Foo, Bar), "title", "baz"));
        Assert.Equal(false, Call(StandardFilters.Has, List(), "title"));
        Assert.Equal(true, Call(StandardFilters.Has, Hash(("z", false)), "z", false));
        Assert.Equal(false, Call(StandardFilters.Has, Hash(("z", 42L)), "z", "42"));
    }

    [Fact]
    public void An_item_without_properties_makes_the_result_nil()
    {
        Assert.Null(Call(StandardFilters.Has, List(Foo, null, Bar), "title", "bar"));
        Assert.Null(Call(StandardFilters.Where, List("x", null), "x"));
    }

    [Fact]
    public void Asking_a_number_for_a_named_property_is_an_error()
    {
        var error = Assert.Throws<LiquidRenderException>(() => Call(StandardFilters.Where, 123L, "title"));
        Assert.Contains("title", error.Message, StringComparison.Ordinal);
        Assert.Throws<LiquidRenderException>(() => Call(StandardFilters.Reject, List("x", 1L), "c"));
        Assert.Throws<LiquidRenderException>(() => Call(StandardFilters.Where, List(Foo)));
    }
}
