using System.Globalization;
using Microsoft.Extensions.Logging;
using OrchardPortal.Payments.Attempts;
using OrchardPortal.Payments.Autopay.Models;
using OrchardPortal.Payments.Gateways;

namespace OrchardPortal.Payments.Autopay.Job;

/// <summary>The gateway's answer to one charge; or none (<see cref="UnknownCode"/>): the charge may have happened, ask again later with the same key.</summary>
public readonly record struct AutopayAnswer(PaymentResult? Result, string? UnknownCode);

/// <summary>How autopay asks the gateway about one charge, and reads what comes back (one place for both ways of charging).</summary>
internal static class AutopayGatewayCall
{
    public static async Task<AutopayAnswer> AskAsync(Func<Task<PaymentResult>> ask, long amount, string chargeId, string tenant, ILogger logger)
    {
        PaymentResult result;
        try
        {
            result = await ask();
        }
        catch (PaymentGatewayException exception) when (exception.Code is "invalid_request" or "resource_missing")
        {
            result = new PaymentFailed(null, amount, "invalid_method", "The saved payment method can’t be charged any more. Please choose another one for automatic payments.");
        }
        catch (PaymentGatewayException exception)
        {
            // No answer is not a failure (the network, or Stripe still failing after the client's retries): the charge
            // may have happened. Ask again later with the same key.
            logger.LogWarning("Autopay charge {Charge} of tenant {Tenant}: no answer from the gateway ({Code}); asking again later with the same key.", chargeId, tenant, exception.Code);
            return new AutopayAnswer(null, exception.Code);
        }

        if (result is PaymentRequiresAction action)
        {
            // Off-session nobody can authenticate: the customer pays this one in the portal.
            result = new PaymentFailed(action.PaymentId, action.Amount, "authentication_required",
                "Your bank asked to confirm this payment, which can’t be done automatically. Please pay this invoice in the portal.");
        }

        return new AutopayAnswer(result, null);
    }

    /// <summary>Built only from the attempt and the charge, so every replay sends exactly the same request.</summary>
    public static PaymentRequest Request(AutopayCharge charge, PaymentAttempt attempt, string gatewayCustomerId, string tenant) => new()
    {
        IdempotencyKey = attempt.IdempotencyKey,
        Amount = attempt.Amount,
        Currency = attempt.Currency,
        GatewayCustomerId = gatewayCustomerId,
        PaymentMethodId = charge.MethodId ?? throw new InvalidOperationException($"Autopay charge {charge.Id} has an attempt but no method."),
        Kind = attempt.MethodKind,
        OffSession = true,
        Description = $"Autopay for invoice {charge.InvoiceNumber}",
        Metadata = new Dictionary<string, string>
        {
            ["attempt_id"] = attempt.Id,
            ["customer_id"] = attempt.CustomerId.ToString(CultureInfo.InvariantCulture),
            ["invoice_id"] = charge.InvoiceId.ToString(CultureInfo.InvariantCulture),
            ["autopay_charge"] = charge.Id,
            ["tenant"] = tenant,
        },
    };
}
