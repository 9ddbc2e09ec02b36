using OrchardPortal.FakeStripe.Http;

namespace OrchardPortal.FakeStripe.Api;

/// <summary>Amount and currency rules shared by PaymentIntents and refunds.</summary>
public static class Money
{
    /// <summary>Stripe's minimum charge per currency, in minor units (zero-decimal currencies in whole units).</summary>
    private static readonly Dictionary<string, (long Minimum, string Display)> Currencies = new(StringComparer.Ordinal)
    {
        ["usd"] = (50, "$0.50 usd"),
        ["cad"] = (50, "$0.50 cad"),
        ["aud"] = (50, "$0.50 aud"),
        ["nzd"] = (50, "$0.50 nzd"),
        ["eur"] = (50, "€0.50 eur"),
        ["gbp"] = (30, "£0.30 gbp"),
        ["chf"] = (50, "CHF 0.50 chf"),
        ["jpy"] = (50, "¥50 jpy"),
        ["mxn"] = (1000, "MX$10.00 mxn"),
        ["sek"] = (300, "3.00 kr sek"),
        ["nok"] = (300, "3.00 kr nok"),
        ["dkk"] = (250, "2.50 kr. dkk"),
    };

    public static string Currency(FormParams form)
    {
        var currency = form.RequireString("currency");
        return Currencies.ContainsKey(currency)
            ? currency
            : throw StripeException.Invalid("currency",
                $"Invalid currency: {currency}. Stripe currently supports these currencies: {string.Join(", ", Currencies.Keys)}");
    }

    /// <summary>A charge amount: a positive integer no smaller than the currency's minimum.</summary>
    public static long Amount(long amount, string currency)
    {
        if (amount < 1)
        {
            throw StripeException.Invalid("amount", "This value must be greater than or equal to 1.", "parameter_invalid_integer");
        }

        var (minimum, display) = Currencies[currency];
        if (amount < minimum)
        {
            throw StripeException.Invalid("amount", $"Amount must be at least {display}", "amount_too_small");
        }

        if (amount > 99_999_999)
        {
            throw StripeException.Invalid("amount", "Amount must be no more than $999,999.99", "amount_too_large");
        }

        return amount;
    }
}
