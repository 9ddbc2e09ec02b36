using OrchardPortal.Liquid.Filters;
using OrchardPortal.Liquid.Values;
using static OrchardPortal.Liquid.Tests.Filters.FilterTestKit;

namespace OrchardPortal.Liquid.Tests.Filters;

public sealed class DefaultFilterTests
{
    public static TheoryData<object?> MissingValues() => new()
    {
        null,
        false,
        string.Empty,
        List(),
        Hash(),
        EmptyValue.Instance,
    };

    [Theory]
    [MemberData(nameof(MissingValues))]
    public void Nil_false_and_empty_values_take_the_default(object? input)
    {
        Assert.Equal("foo", Call(StandardFilters.Default, input, "foo"));
    }

    [Fact]
    public void Zero_and_present_values_are_kept()
    {
        Assert.Equal(0L, Call(StandardFilters.Default, 0L, "bar"));
        Assert.Equal(0.0, Call(StandardFilters.Default, 0.0, "bar"));
        Assert.Equal("hello", Call(StandardFilters.Default, "hello", "bar"));
    }

    [Fact]
    public void Allow_false_keeps_false_but_not_nil()
    {
        Assert.Equal(false, CallNamed(StandardFilters.Default, false, ["bar"], ("allow_false", true)));
        Assert.Equal("bar", CallNamed(StandardFilters.Default, false, ["bar"], ("allow_false", false)));
        Assert.Equal("bar", CallNamed(StandardFilters.Default, null, ["bar"], ("allow_false", true)));
    }

    [Fact]
    public void Without_an_argument_the_default_is_empty_text()
    {
        Assert.Equal(string.Empty, Call(StandardFilters.Default, false));
        Assert.Throws<LiquidRenderException>(() => Call(StandardFilters.Default, null, "a", "b"));
    }
}
