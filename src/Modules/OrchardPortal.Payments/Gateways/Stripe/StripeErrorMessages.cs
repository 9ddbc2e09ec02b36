namespace OrchardPortal.Payments.Gateways.Stripe;

/// <summary>
/// Turns Stripe's decline and error codes into one stable reason code and one plain sentence a customer can
/// act on. Stripe advises not to tell customers about fraud-related declines (lost, stolen, fraudulent), so
/// those read as a generic decline.
/// </summary>
public static class StripeErrorMessages
{
    public const string Generic = "Your payment was declined. Please try a different card or payment method, or contact your bank.";

    /// <summary>The reason code (decline code first, then error code) and the customer's message.</summary>
    public static (string ReasonCode, string CustomerMessage) Describe(string? code, string? declineCode)
    {
        var reason = declineCode ?? code ?? "card_declined";
        return (Normalize(reason), MessageFor(Normalize(reason)));
    }

    public static (string ReasonCode, string CustomerMessage) Describe(StripeError error) => Describe(error.Code, error.DeclineCode);

    private static string Normalize(string reason) => reason switch
    {
        // Stripe reports these under several names; the flow and the emails need one.
        "insufficient_funds" or "withdrawal_count_limit_exceeded" => "insufficient_funds",
        "expired_card" => "expired_card",
        "incorrect_cvc" or "invalid_cvc" => "incorrect_cvc",
        "incorrect_number" or "invalid_number" => "incorrect_number",
        "invalid_expiry_month" or "invalid_expiry_year" => "invalid_expiry",
        "authentication_required" or "authentication_not_handled" or "payment_intent_authentication_failure" => "authentication_required",
        "processing_error" => "processing_error",
        "lost_card" or "stolen_card" or "fraudulent" or "pickup_card" or "restricted_card" or "merchant_blacklist" or "security_violation" => "card_declined",
        "account_closed" or "bank_account_restricted" => "account_closed",
        "no_account" or "invalid_account_number" => "no_account",
        "debit_not_authorized" => "debit_not_authorized",
        "amount_too_small" or "amount_too_large" => reason,
        "card_velocity_exceeded" => "card_velocity_exceeded",
        "currency_not_supported" => "currency_not_supported",
        _ => reason.Contains("declined", StringComparison.Ordinal) || reason.StartsWith("do_not_", StringComparison.Ordinal) || reason == "generic_decline"
            ? "card_declined"
            : reason,
    };

    private static string MessageFor(string reason) => reason switch
    {
        "insufficient_funds" => "Your payment was declined for insufficient funds. Please use a different card or bank account.",
        "expired_card" => "Your card has expired. Please check the expiration date or use a different card.",
        "incorrect_cvc" => "The card's security code is incorrect. Please check it and try again.",
        "incorrect_number" => "The card number is incorrect. Please check it and try again.",
        "invalid_expiry" => "The card's expiration date is not valid. Please check it and try again.",
        "authentication_required" => "Your bank asked to confirm this payment, and it was not confirmed. Please try again and complete your bank's check, or use a different card.",
        "processing_error" => "Something went wrong while processing your card. You have not been charged. Please try again in a moment.",
        "account_closed" => "That bank account is closed. Please use a different bank account or card.",
        "no_account" => "We couldn't find that bank account. Please check the routing and account numbers, or use a different payment method.",
        "debit_not_authorized" => "Your bank refused this debit. Please contact your bank or use a different payment method.",
        "amount_too_small" => "This amount is too small to pay online.",
        "amount_too_large" => "This amount is too large to pay in one payment. Please pay part of it, or contact us.",
        "card_velocity_exceeded" => "Your card has reached its spending limit. Please use a different card or contact your bank.",
        "currency_not_supported" => "This card can't be used for payments in this currency. Please use a different card.",
        _ => Generic,
    };
}
