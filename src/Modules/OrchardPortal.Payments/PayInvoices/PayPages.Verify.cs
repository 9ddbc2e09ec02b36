using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using OrchardPortal.Payments.Attempts;
using OrchardPortal.Payments.Gateways;

namespace OrchardPortal.Payments.PayInvoices;

/// <summary>
/// Micro-deposit verification of an ACH payment (Stripe sends two small deposits, or one with an <c>SM…</c>
/// code in its statement descriptor): the customer types the two amounts or the code; wrong ones leave the
/// payment waiting, with a message, and may be tried again (Stripe stops after a few wrong tries).
/// </summary>
public sealed partial class PayPages
{
    public static string VerifyPath(string attemptId) => $"/pay/verify/{Uri.EscapeDataString(attemptId)}";

    public async Task<IResult> VerifyAsync(string attemptId, HttpRequest request, CancellationToken cancellationToken)
    {
        var (customer, denied) = await PayerAsync(request, cancellationToken);
        if (customer is null)
        {
            return denied!;
        }

        var attempt = await attempts.FindAsync(attemptId, cancellationToken);
        var form = await request.ReadFormAsync(cancellationToken);
        if (attempt is null || attempt.CustomerId != customer.CustomerId || attempt.GatewayPaymentId is null || !await antiforgery.IsRequestValidAsync(request.HttpContext))
        {
            return await portal.NotFoundAsync(cancellationToken);
        }

        if (attempt.Status != PaymentStatus.RequiresAction)
        {
            return Results.Redirect(PayPaths.Receipt(attempt.Id));
        }

        var code = form["descriptor_code"].ToString().Trim().ToUpperInvariant();
        var amounts = new[] { Cents(form["amount_1"]), Cents(form["amount_2"]) };
        var action = new PaymentRequiresAction(attempt.GatewayPaymentId, attempt.Amount, "", "verify_with_microdeposits");
        string? error = null;
        if (code.Length > 0 && !(code.Length == 6 && code.StartsWith("SM", StringComparison.Ordinal) && code.All(char.IsAsciiLetterOrDigit)))
        {
            error = "The code is 6 characters and starts with SM, like SM11AA.";
        }
        else if (code.Length == 0 && amounts.Any(a => a is null or <= 0 or >= 100))
        {
            error = "Enter both deposit amounts in cents (each under $1.00, like 32 for $0.32), or the 6-character code from the deposit's description.";
        }

        if (error is null)
        {
            var gateway = await gateways.GetAsync(attempt.Gateway, cancellationToken);
            // One key per attempt and answer: posting the same answer twice asks once; another answer is a new try.
            var answer = code.Length > 0 ? code : string.Join(',', amounts);
            var key = "verify:" + attempt.Id + ":" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(answer)))[..16];
            try
            {
                var result = await gateway.VerifyMicrodepositsAsync(
                    new MicrodepositVerification(attempt.GatewayPaymentId, code.Length > 0 ? null : [amounts[0]!.Value, amounts[1]!.Value], code.Length > 0 ? code : null, key), cancellationToken);
                var applied = await attempts.ApplyAsync(attempt.Id, result, cancellationToken);
                if (applied.Status != PaymentStatus.RequiresAction)
                {
                    return Results.Redirect(PayPaths.Receipt(attempt.Id));
                }

                error = code.Length > 0
                    ? "That code doesn’t match. Check the deposit’s description on your bank statement and try again."
                    : "Those amounts don’t match the deposits. Check your bank statement and try again.";
            }
            catch (PaymentGatewayException)
            {
                error = "We couldn't check the deposits right now. Please try again in a few minutes.";
            }
        }

        return await RenderActionAsync(attempt, action, PayPaths.Authenticate(attempt.Id), PayPaths.Receipt(attempt.Id), cancellationToken, error, StatusCodes.Status422UnprocessableEntity);
    }

    /// <summary>"32", "0.32" or "$0.32" → 32 cents; null when it is not an amount.</summary>
    private static long? Cents(string? text)
    {
        var value = (text ?? "").Trim().TrimStart('$');
        if (value.Contains('.', StringComparison.Ordinal))
        {
            return decimal.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var dollars) && dollars * 100 == decimal.Truncate(dollars * 100)
                ? (long)(dollars * 100)
                : null;
        }

        return long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var cents) ? cents : null;
    }
}
