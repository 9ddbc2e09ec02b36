using OrchardPortal.Billing.Ledger;
using OrchardPortal.Billing.Refunds;
using OrchardPortal.Payments.Attempts;
using OrchardPortal.Payments.Gateways;
using GatewayRefund = OrchardPortal.Payments.Gateways.RefundRequest;
using LedgerPayment = OrchardPortal.Billing.Models.Payment;
using LedgerRefund = OrchardPortal.Billing.Ledger.RefundRequest;
using RefundResult = OrchardPortal.Payments.Gateways.RefundResult;

namespace OrchardPortal.Payments.Recording;

/// <summary>
/// Billing's way to refund an online payment: through the gateway that took it (found from the payment's
/// gateway id), then recorded in the ledger keyed on the gateway's refund id. Staff's idempotency key is
/// passed to the gateway, so a double click refunds once.
/// </summary>
internal sealed class GatewayRefunds(PaymentAttemptService attempts, PaymentGatewayResolver gateways, BillingLedger ledger) : IRefundGateway
{
    public bool IsAvailable => true;

    public async Task<RefundGatewayResult> RefundAsync(LedgerPayment payment, long amount, string? reason, string idempotencyKey, CancellationToken cancellationToken)
    {
        var attempt = payment.ExternalReference is null ? null : await attempts.FindByGatewayPaymentAsync(payment.ExternalReference, cancellationToken);
        if (attempt?.GatewayPaymentId is null)
        {
            return new RefundGatewayResult(false, "This payment was not taken online through this portal, so it can't be refunded through the payment gateway.");
        }

        RefundResult refund;
        try
        {
            var gateway = await gateways.GetAsync(attempt.Gateway, cancellationToken);
            refund = await gateway.RefundAsync(new GatewayRefund(attempt.GatewayPaymentId, amount, idempotencyKey, reason), cancellationToken);
        }
        catch (PaymentGatewayException exception)
        {
            return new RefundGatewayResult(false, exception.Code == "gateway_unavailable"
                ? "The payment gateway did not answer, so it is not known yet whether the refund went through. Send this form again in a few minutes to finish it: it can't refund twice."
                : $"The payment gateway refused the refund: {exception.Message}");
        }
        catch (Gateways.Stripe.StripeException exception)
        {
            return new RefundGatewayResult(false, $"Stripe refused the refund: {exception.Error.Message ?? exception.Error.Code}");
        }

        if (refund.Status is "failed" or "canceled")
        {
            return new RefundGatewayResult(false, "The payment gateway could not complete the refund" + (refund.FailureMessage is null ? "." : $": {refund.FailureMessage}."));
        }

        var recorded = await ledger.RecordRefundAsync(new LedgerRefund
        {
            PaymentId = payment.Id,
            Amount = refund.Amount,
            IdempotencyKey = $"{attempt.Gateway.ToString().ToLowerInvariant()}:{refund.RefundId}",
            ExternalReference = refund.RefundId,
            Reason = reason,
        }, cancellationToken);
        return recorded.Succeeded ? new RefundGatewayResult(true, null) : new RefundGatewayResult(false, recorded.Error);
    }
}
