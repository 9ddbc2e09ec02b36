using System.Text.Json.Nodes;
using OrchardPortal.FakeStripe.Http;

namespace OrchardPortal.FakeStripe.State;

/// <summary>
/// Micro-deposit verification of a bank account entered by hand. Stripe's test values verify:
/// the amounts 32 and 45 (cents) or the statement descriptor code SM11AA. Three wrong
/// attempts use up the verification, as in Stripe.
/// </summary>
public static class Microdeposits
{
    public const string DescriptorCode = "SM11AA";
    public static readonly IReadOnlyList<long> Amounts = [32, 45];

    public static JsonObject NextAction(OperationContext context, string intentId) => new()
    {
        ["type"] = "verify_with_microdeposits",
        ["verify_with_microdeposits"] = new JsonObject
        {
            ["arrival_date"] = context.Clock.UtcNow.AddDays(2).ToUnixTimeSeconds(),
            ["hosted_verification_url"] = "https://payments.stripe.com/microdeposit/fake_" + intentId,
            ["microdeposit_type"] = "descriptor_code",
        },
    };

    /// <summary>
    /// Checks the parameters of a verify_microdeposits call. Both ways of verifying are accepted
    /// whatever <c>microdeposit_type</c> says, so tests can exercise either.
    /// Returns false (after using up one attempt) when the values are wrong.
    /// </summary>
    public static void Check(FormParams form, Func<int> attemptsLeft, Action<int> setAttemptsLeft)
    {
        var amounts = form.GetList("amounts");
        var code = form.Get("descriptor_code");
        if (amounts.Count > 0 && code is not null)
        {
            throw StripeException.Invalid("amounts", "You may only specify one of these parameters: amounts, descriptor_code.");
        }

        if (amounts.Count == 0 && code is null)
        {
            throw StripeException.Missing("amounts");
        }

        if (attemptsLeft() <= 0)
        {
            throw new StripeException(400, "invalid_request_error", "payment_method_microdeposit_verification_attempts_exceeded",
                "You have exceeded the number of allowed verification attempts.");
        }

        if (code is not null)
        {
            if (!string.Equals(code, DescriptorCode, StringComparison.Ordinal))
            {
                setAttemptsLeft(attemptsLeft() - 1);
                throw new StripeException(400, "invalid_request_error", "payment_method_microdeposit_verification_descriptor_code_mismatch",
                    $"The verification code provided does not match the code sent to the bank account. You have {attemptsLeft()} verification attempts remaining.",
                    "descriptor_code");
            }

            return;
        }

        if (amounts.Count != 2)
        {
            throw new StripeException(400, "invalid_request_error", "payment_method_microdeposit_verification_amounts_invalid",
                "Two deposit amounts must be provided.", "amounts", saved: false);
        }

        var parsed = amounts.Select(a => long.TryParse(a, System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : -1).Order().ToList();
        if (!parsed.SequenceEqual(Amounts))
        {
            setAttemptsLeft(attemptsLeft() - 1);
            throw new StripeException(400, "invalid_request_error", "payment_method_microdeposit_verification_amounts_mismatch",
                $"The amounts provided do not match the amounts that were sent to the bank account. You have {attemptsLeft()} verification attempts remaining.",
                "amounts");
        }
    }
}
