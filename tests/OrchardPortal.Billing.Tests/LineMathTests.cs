using OrchardPortal.Billing.Models;
using OrchardPortal.Billing.Services;

namespace OrchardPortal.Billing.Tests;

public sealed class LineMathTests
{
    [Theory]
    [InlineData("1.5", 4550, 6825)]
    [InlineData("0.333", 1000, 333)]
    [InlineData("2.5", 1, 3)] // 2.5 cents rounds half away from zero
    [InlineData("0.5", 5, 3)]
    [InlineData("3", 1999, 5997)]
    public void A_line_amount_is_quantity_times_price_rounded_half_away_from_zero(string quantity, long price, long expected) =>
        Assert.Equal(expected, LineMath.Amount(decimal.Parse(quantity, System.Globalization.CultureInfo.InvariantCulture), price));

    [Theory]
    [InlineData(1000, "8.25", 83)] // 82.5 → 83
    [InlineData(1000, "6.25", 63)] // 62.5 → 63
    [InlineData(999, "7", 70)] // 69.93 → 70
    [InlineData(1234, "0", 0)]
    public void Tax_is_rounded_per_line_half_away_from_zero(long amount, string rate, long expected) =>
        Assert.Equal(expected, LineMath.Tax(amount, decimal.Parse(rate, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void Totals_are_the_sums_of_the_rounded_lines()
    {
        // Taxing the subtotal (2000 × 8.25% = 165) would differ by a cent from taxing each line (83 + 83).
        var lines = new List<InvoiceLine>
        {
            new() { Description = "Mowing", Quantity = 1, UnitPrice = 1000, TaxRate = 8.25m },
            new() { Description = "Edging", Quantity = 1, UnitPrice = 1000, TaxRate = 8.25m },
        };

        var (subtotal, tax, total) = LineMath.Apply(lines);

        Assert.Equal((2000L, 166L, 2166L), (subtotal, tax, total));
        Assert.All(lines, l => Assert.Equal(83, l.LineTax));
    }
}
