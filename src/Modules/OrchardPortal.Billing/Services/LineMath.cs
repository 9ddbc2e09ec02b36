using OrchardPortal.Billing.Models;

namespace OrchardPortal.Billing.Services;

/// <summary>
/// The arithmetic of invoice and estimate lines, in minor units. The rounding rule, applied per line:
/// <list type="bullet">
/// <item>line amount = quantity × unit price, rounded half away from zero to a whole minor unit;</item>
/// <item>line tax = line amount × rate ÷ 100, rounded the same way;</item>
/// <item>subtotal, tax and total are exact sums of the rounded lines (so the lines always add up).</item>
/// </list>
/// The products are computed in <see cref="decimal"/> (base ten, exact for these magnitudes): no binary
/// floating point ever touches money. Overflow throws rather than wrapping.
/// </summary>
public static class LineMath
{
    public static long Amount(decimal quantity, long unitPrice) => Round(quantity * unitPrice);

    public static long Tax(long amount, decimal ratePercent) => Round(amount * ratePercent / 100m);

    /// <summary>Computes each line's amount and tax in place and returns the document totals.</summary>
    public static (long Subtotal, long Tax, long Total) Apply(IEnumerable<ILineItem> lines)
    {
        long subtotal = 0, tax = 0;
        foreach (var line in lines)
        {
            line.Amount = Amount(line.Quantity, line.UnitPrice);
            line.LineTax = Tax(line.Amount, line.TaxRate);
            subtotal = checked(subtotal + line.Amount);
            tax = checked(tax + line.LineTax);
        }

        return (subtotal, tax, checked(subtotal + tax));
    }

    private static long Round(decimal value) => decimal.ToInt64(Math.Round(value, 0, MidpointRounding.AwayFromZero));
}
