namespace OrchardPortal.Payments.Gateways;

/// <summary>
/// "Visa •••• 4242" for the customer. Gateways keep the brand as they report it (Stripe sends codes such as
/// <c>visa</c> or <c>amex</c>, the Sandbox names), so pages turn it into the name printed on the card here, in one place.
/// </summary>
public static class PaymentMethodLabels
{
    // Stripe's card.brand codes (https://docs.stripe.com/api/payment_methods/object#payment_method_object-card-brand).
    private static readonly Dictionary<string, string> StripeBrands = new(StringComparer.OrdinalIgnoreCase)
    {
        ["amex"] = "American Express",
        ["diners"] = "Diners Club",
        ["discover"] = "Discover",
        ["eftpos_au"] = "eftpos Australia",
        ["jcb"] = "JCB",
        ["mastercard"] = "Mastercard",
        ["unionpay"] = "UnionPay",
        ["visa"] = "Visa",
        ["unknown"] = "Card",
    };

    /// <summary>The brand as a customer knows it; an unknown code is shown with a capital first letter.</summary>
    public static string Brand(string? brand) =>
        string.IsNullOrWhiteSpace(brand) ? ""
        : StripeBrands.TryGetValue(brand, out var name) ? name
        : char.ToUpperInvariant(brand[0]) + brand[1..];

    public static string Of(PaymentMethodSummary method) =>
        Brand(method.Brand) is { Length: > 0 } brand ? $"{brand} •••• {method.Last4}" : $"•••• {method.Last4}";
}
