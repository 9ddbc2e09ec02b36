namespace OrchardPortal.Payments.Gateways.Sandbox;

/// <summary>What a Sandbox test card or bank account does when charged.</summary>
public enum SandboxBehaviour
{
    Succeed,
    Decline,
    InsufficientFunds,
    ExpiredCard,
    /// <summary>Needs a "Complete authentication" step on-session (Stripe's 3-D Secure test card).</summary>
    Authenticate,
    /// <summary>ACH: processing, then settles.</summary>
    AchSettle,
    /// <summary>ACH: processing, then fails (no account found).</summary>
    AchFail,
}

/// <summary>
/// Stripe's published test numbers and what each does, so a tenant trying the Sandbox sees the same results
/// they will later see in Stripe's test mode. Any other number is refused: the Sandbox is for test numbers only.
/// </summary>
public static class SandboxCards
{
    public const string TestRoutingNumber = "110000000";

    private static readonly Dictionary<string, (string Brand, SandboxBehaviour Behaviour)> Cards = new(StringComparer.Ordinal)
    {
        ["4242424242424242"] = ("Visa", SandboxBehaviour.Succeed),
        ["5555555555554444"] = ("Mastercard", SandboxBehaviour.Succeed),
        ["378282246310005"] = ("American Express", SandboxBehaviour.Succeed),
        ["4000000000000002"] = ("Visa", SandboxBehaviour.Decline),
        ["4000000000009995"] = ("Visa", SandboxBehaviour.InsufficientFunds),
        ["4000000000000069"] = ("Visa", SandboxBehaviour.ExpiredCard),
        ["4000002500003155"] = ("Visa", SandboxBehaviour.Authenticate),
    };

    private static readonly Dictionary<string, SandboxBehaviour> BankAccounts = new(StringComparer.Ordinal)
    {
        ["000123456789"] = SandboxBehaviour.AchSettle,
        ["000111111116"] = SandboxBehaviour.AchFail,
    };

    /// <summary>Digits only, so "4242 4242 4242 4242" and "4242-4242-…" are the same card.</summary>
    public static string Digits(string? value) => new([.. (value ?? "").Where(char.IsAsciiDigit)]);

    /// <summary>The test card for <paramref name="number"/>, or null with a message for the customer.</summary>
    public static (string Brand, SandboxBehaviour Behaviour)? FindCard(string? number, out string? error)
    {
        var digits = Digits(number);
        if (Cards.TryGetValue(digits, out var card))
        {
            error = null;
            return card;
        }

        error = digits.Length is < 13 or > 19
            ? "Enter the card number."
            : "Test mode accepts only test card numbers, such as 4242 4242 4242 4242.";
        return null;
    }

    /// <summary>The test bank account, or null with a message for the customer.</summary>
    public static SandboxBehaviour? FindBankAccount(string? routing, string? account, out string? error)
    {
        var routingDigits = Digits(routing);
        var accountDigits = Digits(account);
        if (routingDigits != TestRoutingNumber)
        {
            error = "Test mode accepts only the test routing number 110000000.";
            return null;
        }

        if (BankAccounts.TryGetValue(accountDigits, out var behaviour))
        {
            error = null;
            return behaviour;
        }

        error = "Test mode accepts only the test account numbers 000123456789 (settles) and 000111111116 (fails).";
        return null;
    }

    /// <summary>The failure a behaviour produces when charged, as Stripe's reason code; null when it does not fail on charge.</summary>
    public static string? ChargeFailure(SandboxBehaviour behaviour) => behaviour switch
    {
        SandboxBehaviour.Decline => "card_declined",
        SandboxBehaviour.InsufficientFunds => "insufficient_funds",
        SandboxBehaviour.ExpiredCard => "expired_card",
        _ => null,
    };
}
