namespace OrchardPortal.FakeStripe.State;

/// <summary>What happens when a payment method is charged (or set up for later charges).</summary>
public enum ChargeBehavior
{
    Succeeds,
    Declines,
    RequiresAuthentication,
    AchSettles,
    AchFailsAtSettlement,
}

/// <summary>How a test payment method behaves; <see cref="TestPaymentMethods"/> lists them.</summary>
public sealed record TestMethod(
    string Type,
    ChargeBehavior Behavior,
    string Brand,
    string Last4,
    string? ErrorCode = null,
    string? DeclineCode = null,
    string? Message = null,
    bool NeedsMicrodeposits = false);

/// <summary>
/// Stripe's test payment method ids (<c>pm_card_visa</c>, …) and the behaviour each triggers.
/// Using one creates a new <c>pm_…</c> object, as Stripe does, which can be attached to a
/// customer. The ACH ids are this fake's own names (Stripe tests ACH with account numbers);
/// they stand for a bank account the Payment Element already verified instantly.
/// </summary>
public static class TestPaymentMethods
{
    public const string DeclinedMessage = "Your card was declined.";

    private static readonly Dictionary<string, TestMethod> Methods = new(StringComparer.Ordinal)
    {
        ["pm_card_visa"] = Card("visa", "4242"),
        ["pm_card_visa_debit"] = Card("visa", "5556"),
        ["pm_card_mastercard"] = Card("mastercard", "4444"),
        ["pm_card_amex"] = Card("amex", "8431"),
        ["pm_card_discover"] = Card("discover", "1117"),
        ["pm_card_chargeDeclined"] = Declined("0002", "card_declined", "generic_decline", DeclinedMessage),
        ["pm_card_chargeDeclinedInsufficientFunds"] =
            Declined("9995", "card_declined", "insufficient_funds", "Your card has insufficient funds."),
        ["pm_card_chargeDeclinedExpiredCard"] = Declined("0069", "expired_card", "expired_card", "Your card has expired."),
        ["pm_card_chargeDeclinedIncorrectCvc"] = Declined("0127", "incorrect_cvc", "incorrect_cvc", "Your card's security code is incorrect."),
        ["pm_card_chargeDeclinedFraudulent"] = Declined("0019", "card_declined", "fraudulent", DeclinedMessage),
        ["pm_card_chargeCustomerFail"] = Declined("0341", "card_declined", "generic_decline", DeclinedMessage),
        ["pm_card_authenticationRequired"] = new("card", ChargeBehavior.RequiresAuthentication, "visa", "3184"),
        ["pm_card_threeDSecure2Required"] = new("card", ChargeBehavior.RequiresAuthentication, "visa", "3220"),
        ["pm_usBankAccount"] = Bank(ChargeBehavior.AchSettles, "6789"),
        ["pm_usBankAccount_success"] = Bank(ChargeBehavior.AchSettles, "6789"),
        ["pm_usBankAccount_insufficientFunds"] = Bank(ChargeBehavior.AchFailsAtSettlement, "2227", "insufficient_funds",
            "The customer's account has insufficient funds to cover this payment."),
        ["pm_usBankAccount_accountClosed"] = Bank(ChargeBehavior.AchFailsAtSettlement, "1113", "account_closed",
            "The customer's bank account has been closed."),
        ["pm_usBankAccount_microdeposits"] = Bank(ChargeBehavior.AchSettles, "6789") with { NeedsMicrodeposits = true },
    };

    public static IReadOnlyCollection<string> Ids => Methods.Keys;

    public static bool TryGet(string id, out TestMethod method) => Methods.TryGetValue(id, out method!);

    /// <summary>
    /// A bank account entered by hand (POST /v1/payment_methods with Stripe's test routing number
    /// 110000000): behaviour follows Stripe's test account numbers; unknown numbers succeed.
    /// </summary>
    public static TestMethod ForAccountNumber(string accountNumber) => accountNumber switch
    {
        "000222222227" => Methods["pm_usBankAccount_insufficientFunds"],
        "000111111113" => Methods["pm_usBankAccount_accountClosed"],
        _ => Bank(ChargeBehavior.AchSettles, accountNumber.Length >= 4 ? accountNumber[^4..] : accountNumber),
    };

    private static TestMethod Card(string brand, string last4) => new("card", ChargeBehavior.Succeeds, brand, last4);

    private static TestMethod Declined(string last4, string code, string declineCode, string message) =>
        new("card", ChargeBehavior.Declines, "visa", last4, code, declineCode, message);

    private static TestMethod Bank(ChargeBehavior behavior, string last4, string? code = null, string? message = null) =>
        new("us_bank_account", behavior, "", last4, code, null, message);
}
