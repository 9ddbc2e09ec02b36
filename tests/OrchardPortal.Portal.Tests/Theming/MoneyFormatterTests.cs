using System.Globalization;
using OrchardPortal.Core.Theming;

namespace OrchardPortal.Portal.Tests.Theming;

public sealed class MoneyFormatterTests
{
    [Theory]
    [InlineData(12345L, "USD", "en-US", "$123.45")]
    [InlineData(5L, "USD", "en-US", "$0.05")]
    [InlineData(123456789L, "USD", "en-US", "$1,234,567.89")]
    [InlineData(1500L, "JPY", "en-US", "JPY 1,500")]
    [InlineData(1250L, "CAD", "en-US", "CAD 12.50")]
    [InlineData(1234L, "KWD", "en-US", "KWD 1.234")]
    public void Minor_units_are_shown_in_the_currency_and_culture(long minor, string currency, string culture, string expected) =>
        Assert.Equal(expected, MoneyFormatter.Format(minor, currency, CultureInfo.GetCultureInfo(culture)));

    [Fact]
    public void A_negative_amount_keeps_its_sign() =>
        Assert.Contains("12.50", MoneyFormatter.Format(-1250, "USD", CultureInfo.GetCultureInfo("en-US")), StringComparison.Ordinal);
}
