using OrchardPortal.Billing.Models;

namespace OrchardPortal.Billing.Refunds;

/// <summary>
/// Sends a refund of an online (card or ACH) payment back through the gateway that took it. The Payments
/// module implements this; until it does, <see cref="RefundGatewayNotConnected"/> says so and staff can
/// only refund offline payments. On success, the implementation records the refund with
/// <see cref="Ledger.BillingLedger.RecordRefundAsync"/> itself (e.g. from the gateway's confirmation).
/// </summary>
public interface IRefundGateway
{
    /// <summary>False when no gateway can refund online payments for this tenant (the admin then explains).</summary>
    bool IsAvailable { get; }

    Task<RefundGatewayResult> RefundAsync(Payment payment, long amount, string? reason, string idempotencyKey, CancellationToken cancellationToken);
}

/// <param name="Succeeded">The gateway accepted the refund.</param>
/// <param name="Error">Why the gateway refused, in words staff can act on; null on success.</param>
public sealed record RefundGatewayResult(bool Succeeded, string? Error);

/// <summary>The default: refunds through a gateway are not connected yet.</summary>
public sealed class RefundGatewayNotConnected : IRefundGateway
{
    public const string Message = "Refunds of card and bank payments through the payment gateway are not connected yet.";

    public bool IsAvailable => false;

    public Task<RefundGatewayResult> RefundAsync(Payment payment, long amount, string? reason, string idempotencyKey, CancellationToken cancellationToken) =>
        Task.FromResult(new RefundGatewayResult(false, Message));
}
