using System.Globalization;
using OrchardPortal.Liquid.Values;

namespace OrchardPortal.Liquid.Filters;

/// <summary>
/// Arithmetic with Ruby Liquid's semantics: integers stay integers (floor division, floored modulo), and
/// anything involving a float is computed in decimal on the float's shortest printed form (Liquid uses
/// BigDecimal), so <c>10.1 | minus: 2.2</c> is <c>7.9</c>, not <c>7.8999999999999995</c>.
/// </summary>
internal static class StandardFilterNumbers
{
    public enum Operation
    {
        Add,
        Subtract,
        Multiply,
        Divide,
        Modulo,
    }

    /// <summary>A number as arithmetic filters see it: long or double (nil, hashes and non-numeric text are 0).</summary>
    public static object ToNumber(object? value) => value switch
    {
        long or double => value,
        null => 0L,
        _ => LiquidValues.ToNumber(value),
    };

    public static object Apply(string filter, object? left, object? right, Operation operation)
    {
        var a = ToNumber(left);
        var b = ToNumber(right);
        if (a is long x && b is long y)
        {
            return ApplyIntegers(filter, x, y, operation);
        }

        if (TryToDecimal(a, out var m) && TryToDecimal(b, out var n))
        {
            try
            {
                return ToDouble(Apply(filter, m, n, operation));
            }
            catch (OverflowException)
            {
                // Falls through to double arithmetic, which saturates to infinity like Ruby floats.
            }
        }

        return Apply(filter, ToDouble(a), ToDouble(b), operation);
    }

    private static object ApplyIntegers(string filter, long x, long y, Operation operation)
    {
        try
        {
            checked
            {
                switch (operation)
                {
                    case Operation.Add:
                        return BoxedValueCache.Box(x + y);
                    case Operation.Subtract:
                        return BoxedValueCache.Box(x - y);
                    case Operation.Multiply:
                        return BoxedValueCache.Box(x * y);
                    case Operation.Divide:
                        EnsureDivisor(filter, y == 0);
                        var quotient = x / y;
                        return BoxedValueCache.Box((x % y != 0) && ((x < 0) != (y < 0)) ? quotient - 1 : quotient);
                    default:
                        EnsureDivisor(filter, y == 0);
                        var remainder = x % y;
                        return BoxedValueCache.Box(remainder != 0 && ((remainder < 0) != (y < 0)) ? remainder + y : remainder);
                }
            }
        }
        catch (OverflowException)
        {
            // Ruby integers are unbounded; past long the closest we offer is a float.
            return Apply<double>(filter, x, y, operation);
        }
    }

    /// <summary>Ruby float/BigDecimal arithmetic; modulo takes the divisor's sign. One body for decimal and double.</summary>
    private static T Apply<T>(string filter, T x, T y, Operation operation)
        where T : System.Numerics.INumber<T>
    {
        switch (operation)
        {
            case Operation.Add:
                return x + y;
            case Operation.Subtract:
                return x - y;
            case Operation.Multiply:
                return x * y;
            case Operation.Divide:
                EnsureDivisor(filter, y == T.Zero);
                return x / y;
            default:
                EnsureDivisor(filter, y == T.Zero);
                var remainder = x % y;
                return remainder != T.Zero && ((remainder < T.Zero) != (y < T.Zero)) ? remainder + y : remainder;
        }
    }

    private static void EnsureDivisor(string filter, bool isZero)
    {
        if (isZero)
        {
            throw StandardFilterValues.FilterError(filter, "divided by 0");
        }
    }

    /// <summary>The decimal of a number's shortest printed form, as Ruby's <c>BigDecimal(float.to_s)</c>.</summary>
    public static bool TryToDecimal(object number, out decimal value)
    {
        switch (number)
        {
            case long l:
                value = l;
                return true;
            // Decimal keeps 28 digits after the point: tiny magnitudes would lose digits, so they stay doubles.
            case double d when d == 0 || Math.Abs(d) is >= 1e-10 and < 7.9e27:
                Span<char> buffer = stackalloc char[32];
                if (d.TryFormat(buffer, out var written, "R", CultureInfo.InvariantCulture)
                    && decimal.TryParse(buffer[..written], NumberStyles.Float, CultureInfo.InvariantCulture, out value))
                {
                    return true;
                }

                break;
        }

        value = 0;
        return false;
    }

    /// <summary>Converts through text so the double is the one closest to the decimal (a direct cast may be off by an ulp).</summary>
    public static double ToDouble(decimal value)
    {
        Span<char> buffer = stackalloc char[40];
        return value.TryFormat(buffer, out var written, provider: CultureInfo.InvariantCulture)
            ? double.Parse(buffer[..written], NumberStyles.Float, CultureInfo.InvariantCulture)
            : (double)value;
    }

    public static double ToDouble(object number) => number is long l ? l : (double)number;

    /// <summary>Ruby <c>&lt;=&gt;</c> between two numbers.</summary>
    public static int CompareNumbers(object left, object right) => left is long x && right is long y
        ? x.CompareTo(y)
        : ToDouble(left).CompareTo(ToDouble(right));
}
