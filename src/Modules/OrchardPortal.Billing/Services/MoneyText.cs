using System.Globalization;
using OrchardPortal.Core.Theming;

namespace OrchardPortal.Billing.Services;

/// <summary>Reads and writes amounts as staff type them ("1,234.50" in en-US) in the tenant's currency and culture.</summary>
public static class MoneyText
{
    /// <summary>Largest amount accepted anywhere in billing (ten million in major units): far above any real bill, far below overflow.</summary>
    public const long MaxMajorUnits = 10_000_000;

    /// <summary>Parses <paramref name="text"/> into minor units; false when it is not an amount, has more decimals than the currency, or is too large.</summary>
    public static bool TryParse(string? text, string currency, CultureInfo culture, out long minorUnits)
    {
        minorUnits = 0;
        var cleaned = (text ?? "").Trim().Replace(culture.NumberFormat.CurrencySymbol, "", StringComparison.Ordinal).Trim();
        if (cleaned.Length == 0 || !decimal.TryParse(cleaned, NumberStyles.Number, culture, out var value))
        {
            return false;
        }

        var digits = MoneyFormatter.DigitsOf(currency);
        var scaled = value * Pow10(digits);
        if (scaled != decimal.Truncate(scaled) || Math.Abs(value) > MaxMajorUnits)
        {
            return false;
        }

        minorUnits = decimal.ToInt64(scaled);
        return true;
    }

    /// <summary>The amount as an input value ("1234.50"): no currency symbol or group separators, so it reads back the same.</summary>
    public static string ForInput(long minorUnits, string currency, CultureInfo culture)
    {
        var digits = MoneyFormatter.DigitsOf(currency);
        return (minorUnits / Pow10(digits)).ToString("F" + digits.ToString(CultureInfo.InvariantCulture), culture);
    }

    private static decimal Pow10(int digits) => digits switch
    {
        0 => 1m,
        3 => 1000m,
        _ => 100m,
    };
}
