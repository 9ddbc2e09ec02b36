using OrchardPortal.Payments.Attempts;
using OrchardPortal.Payments.Autopay.Models;
using OrchardPortal.Payments.Gateways;

namespace OrchardPortal.Payments.Autopay.Job;

/// <summary>How a charge row moves on once its attempt says where the money stands (one place for both ways of charging).</summary>
internal static class AutopaySettlement
{
    public const string UnknownOutcomeMessage =
        "The payment processor never confirmed whether this charge went through. Check the payment in the processor's dashboard before charging again.";

    /// <summary>
    /// Paid, processing, failed (with the next try after the tenant's retry interval, or none after the last try),
    /// or still undecided (ask again later with the same key). <paramref name="answered"/> false: stop without an
    /// answer (<paramref name="code"/> and <paramref name="message"/> say why). Releases the row's lease.
    /// </summary>
    /// <returns>The outcome, and whether the customer is to be emailed about a failure.</returns>
    public static (AutopayOutcome Outcome, bool EmailFailure) Settle(
        AutopayCharge row, PaymentAttempt applied, bool answered, string? code, string? message, AutopayOptions options, int retryDays, DateTimeOffset now)
    {
        AutopayOutcome outcome;
        var email = false;
        switch (applied.Status)
        {
            case PaymentStatus.Succeeded:
                (row.Status, row.LastCode, row.LastMessage, outcome) = (AutopayChargeStatus.Paid, null, null, AutopayOutcome.Paid);
                break;
            case PaymentStatus.Processing:
                (row.Status, row.LastCode, row.LastMessage, outcome) = (AutopayChargeStatus.Processing, null, null, AutopayOutcome.Processing);
                break;
            case PaymentStatus.Failed:
            case PaymentStatus.Pending or PaymentStatus.RequiresAction when !answered:
                row.Attempts++;
                row.LastCode = code ?? applied.FailureCode ?? "declined";
                row.LastMessage = message ?? applied.FailureMessage ?? "The payment was declined.";
                var final = !answered || row.Attempts >= Math.Max(1, options.MaxAttempts);
                row.Status = final ? AutopayChargeStatus.Failed : AutopayChargeStatus.Retrying;
                row.NextAttemptUtc = final ? row.NextAttemptUtc : now.AddDays(retryDays);
                row.AcknowledgedUtc = null;
                email = answered;
                outcome = AutopayOutcome.Failed;
                break;
            default:
                // An answer that is neither paid nor failed (the gateway still deciding): ask again later, same key.
                (row.Status, row.NextAttemptUtc, outcome) = (AutopayChargeStatus.Unknown, now + options.UnknownRetryDelay, AutopayOutcome.Unknown);
                break;
        }

        row.PaymentAttemptId = applied.Id;
        Release(row, now);
        return (outcome, email);
    }

    /// <summary>No answer came: ask again after <see cref="AutopayOptions.UnknownRetryDelay"/> with the same key.</summary>
    public static void Unknown(AutopayCharge row, string attemptId, string code, AutopayOptions options, DateTimeOffset now)
    {
        (row.Status, row.PaymentAttemptId, row.LastCode, row.LastMessage) = (AutopayChargeStatus.Unknown, attemptId, UnknownCode(code), UnknownMessage(code));
        row.NextAttemptUtc = now + options.UnknownRetryDelay;
        Release(row, now);
    }

    public static void Skip(AutopayCharge row, string code, string message, DateTimeOffset now)
    {
        (row.Status, row.LastCode, row.LastMessage) = (AutopayChargeStatus.Skipped, code, message);
        Release(row, now);
    }

    public static string UnknownCode(string code) => code.Length > Payments.Data.PaymentsModel.CodeLength ? "gateway_error" : code;

    public static string UnknownMessage(string code) => code == "not_configured"
        ? "Stripe is chosen but cannot be used: check the keys in Payments settings."
        : "The payment processor did not answer; asking again shortly.";

    public static void Release(AutopayCharge row, DateTimeOffset now)
    {
        (row.LeaseToken, row.LeaseUntilUtc, row.LastRunUtc, row.UpdatedUtc) = (null, null, now, now);
        row.Version++;
    }

    /// <summary>Why a first try does not go ahead (the invoice must still be open and due on this date, the customer still enrolled); null when it does.</summary>
    public static (string Code, string Message)? Refusal(AutopayCharge charge, AutopayEnrollment? enrollment, Billing.Models.Invoice? invoice) =>
        enrollment is null
            ? ("autopay_off", "Automatic payments were turned off before this invoice was charged.")
            : invoice is null || invoice.CustomerId != charge.CustomerId || !invoice.IsOpenForPayment || invoice.Balance <= 0 || invoice.DueDate != charge.DueDate
                ? ("not_due", "Nothing to charge: the invoice was paid, voided or given another due date.")
                : null;
}
