using Microsoft.Extensions.Logging;

namespace OrchardPortal.Payments.Attempts;

/// <summary>Stands in until the payment is recorded in Billing's ledger: logs, so a succeeded payment is at least visible.</summary>
internal sealed class UnconnectedPaymentRecorder(ILogger<UnconnectedPaymentRecorder> logger) : IPaymentRecorder
{
    public Task RecordAsync(PaymentAttempt attempt, CancellationToken cancellationToken)
    {
        logger.LogWarning("Payment {Attempt} ({GatewayPayment}) succeeded for customer {Customer}; no ledger is connected to record it.", attempt.Id, attempt.GatewayPaymentId, attempt.CustomerId);
        return Task.CompletedTask;
    }
}
