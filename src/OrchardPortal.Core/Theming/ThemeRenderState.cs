using System.Globalization;
using OrchardPortal.Liquid;

namespace OrchardPortal.Core.Theming;

/// <summary>
/// What the theme's tags and filters need during one render, kept in <see cref="TemplateContext.Items"/>:
/// the theme, the tenant's money settings, the captured body and sections, the layout a view chose.
/// </summary>
internal sealed class ThemeRenderState
{
    public const string ItemKey = "op.theme";

    public required ThemeDescriptor Theme { get; init; }

    public required string Currency { get; init; }

    /// <summary>Prefix for asset URLs: empty for pages (site-relative), the site's origin for emails.</summary>
    public string AssetOrigin { get; init; } = "";

    /// <summary>The layout the view asked for with <c>{% layout %}</c>; null = the default, "" = none.</summary>
    public string? Layout { get; set; }

    public string Body { get; set; } = "";

    public Dictionary<string, string> Sections { get; } = new(StringComparer.Ordinal);

    public static ThemeRenderState From(TemplateContext context) =>
        context.Items.TryGetValue(ItemKey, out var value) && value is ThemeRenderState state
            ? state
            : throw new LiquidRenderException("This tag or filter only works in a theme template.");

    /// <summary>A new state for another render of the same theme (nothing captured yet).</summary>
    public ThemeRenderState Fresh() => new() { Theme = Theme, Currency = Currency, AssetOrigin = AssetOrigin };
}

/// <summary>Formats integer minor units of a currency for a culture (<c>12345</c> USD, en-US → <c>$123.45</c>).</summary>
public static class MoneyFormatter
{
    // ISO 4217 exponents that differ from the usual two decimal places.
    private static readonly Dictionary<string, int> MinorDigits = new(StringComparer.OrdinalIgnoreCase)
    {
        ["BIF"] = 0, ["CLP"] = 0, ["DJF"] = 0, ["GNF"] = 0, ["ISK"] = 0, ["JPY"] = 0, ["KMF"] = 0, ["KRW"] = 0,
        ["PYG"] = 0, ["RWF"] = 0, ["UGX"] = 0, ["VND"] = 0, ["VUV"] = 0, ["XAF"] = 0, ["XOF"] = 0, ["XPF"] = 0,
        ["BHD"] = 3, ["IQD"] = 3, ["JOD"] = 3, ["KWD"] = 3, ["LYD"] = 3, ["OMR"] = 3, ["TND"] = 3,
    };

    public static int DigitsOf(string currency) => MinorDigits.TryGetValue(currency, out var digits) ? digits : 2;

    public static string Format(long minorUnits, string currency, CultureInfo culture)
    {
        var digits = DigitsOf(currency);
        var amount = minorUnits / (decimal)Math.Pow(10, digits);
        var format = (NumberFormatInfo)culture.NumberFormat.Clone();
        format.CurrencyDecimalDigits = digits;
        if (!IsCultureCurrency(culture, currency))
        {
            // A foreign currency shows its code ("CAD 12.50"): "$" alone would be ambiguous.
            format.CurrencySymbol = currency.ToUpperInvariant();
            format.CurrencyPositivePattern = 2;
            format.CurrencyNegativePattern = 9;
        }

        return amount.ToString("C", format);
    }

    private static bool IsCultureCurrency(CultureInfo culture, string currency)
    {
        try
        {
            return !culture.IsNeutralCulture && culture.Name.Length > 0
                && string.Equals(new RegionInfo(culture.Name).ISOCurrencySymbol, currency, StringComparison.OrdinalIgnoreCase);
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
