using OrchardPortal.Liquid.Filters;
using static OrchardPortal.Liquid.Tests.Filters.FilterTestKit;

namespace OrchardPortal.Liquid.Tests.Filters;

public sealed class MathFilterTests
{
    [Fact]
    public void Integer_arithmetic_stays_integer()
    {
        Assert.Equal(12L, Call(StandardFilters.Plus, 10L, 2L));
        Assert.Equal(8L, Call(StandardFilters.Minus, 10L, 2L));
        Assert.Equal(-10L, Call(StandardFilters.Times, -5L, 2L));
        Assert.Equal(4L, Call(StandardFilters.DividedBy, 9L, 2L));
    }

    [Fact]
    public void A_float_operand_makes_a_float_computed_in_decimal()
    {
        Assert.Equal("12.0", Render(StandardFilters.Plus, 10L, 2.0));
        Assert.Equal("7.9", Render(StandardFilters.Minus, 10.1, 2.2));
        Assert.Equal("12.3", Render(StandardFilters.Plus, "10.1", "2.2"));
        Assert.Equal("10.5", Render(StandardFilters.Times, 5L, 2.1));
        Assert.Equal("2.857142857142857", Render(StandardFilters.DividedBy, 20L, 7.0));
        Assert.Equal("0.3", Render(StandardFilters.Plus, 0.1, 0.2));
    }

    [Theory]
    [InlineData(-7L, 2L, -4L)]
    [InlineData(7L, -2L, -4L)]
    [InlineData(-7L, -2L, 3L)]
    public void Integer_division_floors_like_ruby(long dividend, long divisor, long expected)
    {
        Assert.Equal(expected, Call(StandardFilters.DividedBy, dividend, divisor));
    }

    [Theory]
    [InlineData(-7L, 3L, 2L)]
    [InlineData(7L, -3L, -2L)]
    [InlineData(10L, 2L, 0L)]
    public void Modulo_takes_the_sign_of_the_divisor(long dividend, long divisor, long expected)
    {
        Assert.Equal(expected, Call(StandardFilters.Modulo, dividend, divisor));
    }

    [Fact]
    public void Float_modulo_is_exact_on_printed_digits()
    {
        Assert.Equal("3.1", Render(StandardFilters.Modulo, 10.1, 7.0));
        Assert.Equal("0.0", Render(StandardFilters.Modulo, "10", "2.0"));
    }

    [Fact]
    public void Dividing_by_zero_is_an_error_not_infinity()
    {
        Assert.Throws<LiquidRenderException>(() => Call(StandardFilters.DividedBy, 10L, 0L));
        Assert.Throws<LiquidRenderException>(() => Call(StandardFilters.DividedBy, 10.5, 0.0));
        Assert.Throws<LiquidRenderException>(() => Call(StandardFilters.DividedBy, 10L, null));
        Assert.Throws<LiquidRenderException>(() => Call(StandardFilters.Modulo, 10L, "foo"));
    }

    [Fact]
    public void Non_numbers_count_as_zero()
    {
        Assert.Equal(2L, Call(StandardFilters.Plus, null, 2L));
        Assert.Equal(-1L, Call(StandardFilters.Minus, Hash(), 1L));
        Assert.Equal(10L, Call(StandardFilters.Minus, "10", "foo"));
        Assert.Equal(12L, Call(StandardFilters.Plus, "12abc", 0L));
    }

    [Fact]
    public void Magnitudes_outside_decimal_range_fall_back_to_float_arithmetic()
    {
        Assert.Equal(2e-30, Call(StandardFilters.Plus, 1e-30, 1e-30));
        Assert.Equal(2e300, Call(StandardFilters.Times, 1e300, 2L));
    }

    [Fact]
    public void Integer_overflow_becomes_a_float_rather_than_wrapping()
    {
        Assert.IsType<double>(Call(StandardFilters.Times, long.MaxValue, 2L));
        Assert.IsType<double>(Call(StandardFilters.Abs, long.MinValue));
    }

    [Fact]
    public void Abs_ceil_floor_coerce_their_input()
    {
        Assert.Equal(5.1, Call(StandardFilters.Abs, "-5.1"));
        Assert.Equal(5L, Call(StandardFilters.Abs, -5L));
        Assert.Equal(-5L, Call(StandardFilters.Ceil, -5.4));
        Assert.Equal(6L, Call(StandardFilters.Ceil, "5.1"));
        Assert.Equal(-6L, Call(StandardFilters.Floor, "-5.1"));
        Assert.Equal(0L, Call(StandardFilters.Floor, "hello"));
    }

    [Theory]
    [InlineData(5.666, null, "6")]
    [InlineData(5.666, 1L, "5.7")]
    [InlineData(5.666, 1.2, "5.7")]
    [InlineData(5.666, -2L, "0")]
    [InlineData(5.666, "foo", "6")]
    [InlineData(2.5, 0L, "3")]
    [InlineData(-2.5, 0L, "-3")]
    [InlineData(0.125, 2L, "0.13")]
    [InlineData(1250L, -2L, "1300")]
    [InlineData(-1250L, -2L, "-1300")]
    [InlineData(5L, 2L, "5")]
    [InlineData("5.666666", 2L, "5.67")]
    public void Round_rounds_half_away_from_zero(object input, object? digits, string expected)
    {
        var result = digits is null ? Render(StandardFilters.Round, input) : Render(StandardFilters.Round, input, digits);
        Assert.Equal(expected, result);
    }

    [Fact]
    public void Rounding_infinity_is_an_error()
    {
        Assert.Throws<LiquidRenderException>(() => Call(StandardFilters.Round, double.PositiveInfinity));
    }

    [Fact]
    public void At_least_and_at_most_clamp()
    {
        Assert.Equal(8L, Call(StandardFilters.AtLeast, 5L, 8L));
        Assert.Equal(8.9, Call(StandardFilters.AtLeast, 5.4, 8.9));
        Assert.Equal(0L, Call(StandardFilters.AtLeast, "abc", -2L));
        Assert.Equal(5L, Call(StandardFilters.AtMost, 8L, 5L));
        Assert.Equal(0L, Call(StandardFilters.AtMost, 5L, null));
        Assert.Equal(8L, Call(StandardFilters.AtMost, "9", 8L));
    }
}
