using static OrchardPortal.Liquid.Filters.StandardFilterNumbers;
using static OrchardPortal.Liquid.Filters.StandardFilterValues;

namespace OrchardPortal.Liquid.Filters;

/// <remarks>
/// Inputs and arguments go through Ruby's number coercion (<c>"5.1"</c> is a float, <c>"abc"</c> and nil are 0).
/// Integer-only operations give integers; any float operand gives a float.
/// </remarks>
public static partial class StandardFilters
{
    public static object? Plus(object? input, FilterArguments arguments, TemplateContext context)
    {
        ExpectArguments("plus", arguments, 1, 1);
        return Apply("plus", input, arguments.At(0), Operation.Add);
    }

    public static object? Minus(object? input, FilterArguments arguments, TemplateContext context)
    {
        ExpectArguments("minus", arguments, 1, 1);
        return Apply("minus", input, arguments.At(0), Operation.Subtract);
    }

    public static object? Times(object? input, FilterArguments arguments, TemplateContext context)
    {
        ExpectArguments("times", arguments, 1, 1);
        return Apply("times", input, arguments.At(0), Operation.Multiply);
    }

    /// <summary>Integer division floors (<c>-7 | divided_by: 2</c> is -4); dividing by zero is an error.</summary>
    public static object? DividedBy(object? input, FilterArguments arguments, TemplateContext context)
    {
        ExpectArguments("divided_by", arguments, 1, 1);
        return Apply("divided_by", input, arguments.At(0), Operation.Divide);
    }

    /// <summary>The remainder takes the sign of the divisor, as in Ruby; modulo zero is an error.</summary>
    public static object? Modulo(object? input, FilterArguments arguments, TemplateContext context)
    {
        ExpectArguments("modulo", arguments, 1, 1);
        return Apply("modulo", input, arguments.At(0), Operation.Modulo);
    }

    public static object? Abs(object? input, FilterArguments arguments, TemplateContext context)
    {
        ExpectArguments("abs", arguments, 0, 0);
        return ToNumber(input) switch
        {
            long.MinValue => -(double)long.MinValue,
            long l => (object)Math.Abs(l),
            var d => Math.Abs((double)d),
        };
    }

    public static object? Ceil(object? input, FilterArguments arguments, TemplateContext context)
    {
        ExpectArguments("ceil", arguments, 0, 0);
        return ToNumber(input) is long l ? l : WholeNumber("ceil", Math.Ceiling((double)ToNumber(input)));
    }

    public static object? Floor(object? input, FilterArguments arguments, TemplateContext context)
    {
        ExpectArguments("floor", arguments, 0, 0);
        return ToNumber(input) is long l ? l : WholeNumber("floor", Math.Floor((double)ToNumber(input)));
    }

    /// <summary>Rounds half away from zero; with no (or a non-positive) digit count the result is an integer.</summary>
    public static object? Round(object? input, FilterArguments arguments, TemplateContext context)
    {
        ExpectArguments("round", arguments, 0, 1);
        var digits = ToNumber(arguments.At(0)) switch
        {
            long l => l,
            var d => double.IsFinite((double)d) ? (long)Math.Clamp(Math.Truncate((double)d), -1000, 1000) : 0,
        };

        var number = ToNumber(input);
        if (number is long integer)
        {
            return digits >= 0 ? integer : RoundInteger(integer, digits);
        }

        var value = (double)number;
        if (!double.IsFinite(value))
        {
            throw FilterError("round", $"cannot round {ToText(value)}");
        }

        if (!TryToDecimal(value, out var exact))
        {
            // Beyond decimal's range every double is already a whole number.
            return digits > 0 ? value : (object)WholeNumber("round", value);
        }

        if (digits > 0)
        {
            return digits >= 28 ? value : ToDouble(decimal.Round(exact, (int)digits, MidpointRounding.AwayFromZero));
        }

        if (digits < -27)
        {
            return 0L;
        }

        var scale = Pow10((int)-digits);
        return WholeNumber("round", (double)(decimal.Round(exact / scale, 0, MidpointRounding.AwayFromZero) * scale));
    }

    public static object? AtLeast(object? input, FilterArguments arguments, TemplateContext context)
    {
        ExpectArguments("at_least", arguments, 1, 1);
        var bound = ToNumber(arguments.At(0));
        var value = ToNumber(input);
        return CompareNumbers(bound, value) > 0 ? bound : value;
    }

    public static object? AtMost(object? input, FilterArguments arguments, TemplateContext context)
    {
        ExpectArguments("at_most", arguments, 1, 1);
        var bound = ToNumber(arguments.At(0));
        var value = ToNumber(input);
        return CompareNumbers(bound, value) < 0 ? bound : value;
    }

    private static long RoundInteger(long value, long digits)
    {
        if (digits < -18)
        {
            return 0;
        }

        var scale = (long)Pow10((int)-digits);
        var remainder = value % scale;
        var rounded = value - remainder;
        if (Math.Abs(remainder) >= scale - Math.Abs(remainder))
        {
            rounded += value < 0 ? -scale : scale;
        }

        return rounded;
    }

    private static decimal Pow10(int exponent)
    {
        var result = 1m;
        for (var i = 0; i < exponent; i++)
        {
            result *= 10;
        }

        return result;
    }

    /// <summary>A whole double as an integer; Ruby would give a bignum past long's range, we give a clear error.</summary>
    private static long WholeNumber(string filter, double whole)
    {
        if (!double.IsFinite(whole) || whole is < -9.2e18 or > 9.2e18)
        {
            throw FilterError(filter, $"cannot convert {ToText(whole)} to an integer");
        }

        return (long)whole;
    }
}
