using System.Text.Json;
using Microsoft.Extensions.Logging;
using OrchardPortal.Billing.Ledger;
using OrchardPortal.Payments.Attempts;
using OrchardPortal.Payments.Gateways;
using BillingMethod = OrchardPortal.Billing.Models.PaymentMethodKind;
using LedgerPayment = OrchardPortal.Billing.Ledger.PaymentRequest;

namespace OrchardPortal.Payments.Recording;

/// <summary>
/// Records a succeeded online payment in Billing's ledger, keyed on the gateway's payment id (e.g.
/// <c>stripe:pi_…</c>) so the customer's own request, every webhook delivery and any reconciliation record it
/// once. The receipt email is queued inside the same transaction.
/// </summary>
internal sealed class BillingPaymentRecorder(BillingLedger ledger, PaymentReceiptEmail receipts, ILogger<BillingPaymentRecorder> logger) : IPaymentRecorder
{
    public async Task RecordAsync(PaymentAttempt attempt, CancellationToken cancellationToken)
    {
        var request = Request(attempt);
        var result = await ledger.RecordPaymentAsync(request, cancellationToken);
        if (!result.Succeeded && request.Allocations is not null)
        {
            // The money was taken: if an invoice changed since (voided, paid by staff meanwhile), apply it to the
            // customer's open invoices instead — anything left becomes a credit — rather than not record it.
            logger.LogWarning("Payment {Attempt} could not be applied as planned ({Error}); applying it to open invoices.", attempt.Id, result.Error);
            result = await ledger.RecordPaymentAsync(request with { Allocations = null }, cancellationToken);
        }

        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Payment attempt {attempt.Id} succeeded at the gateway but the ledger refused it: {result.Error}");
        }
    }

    public async Task<bool> TryRecordManyAsync(IReadOnlyList<PaymentAttempt> attempts, CancellationToken cancellationToken) =>
        await ledger.TryRecordPaymentsAsync([.. attempts.Select(Request)], cancellationToken) is not null;

    private LedgerPayment Request(PaymentAttempt attempt)
    {
        var allocations = JsonSerializer.Deserialize<List<AttemptAllocation>>(attempt.AllocationsJson) ?? [];
        return new LedgerPayment
        {
            CustomerId = attempt.CustomerId,
            Amount = attempt.Amount,
            Currency = attempt.Currency,
            Method = attempt.MethodKind == PaymentMethodKind.BankAccount ? BillingMethod.Ach : BillingMethod.Card,
            ExternalReference = attempt.GatewayPaymentId,
            IdempotencyKey = LedgerKey(attempt),
            Allocations = allocations.Count == 0 ? null : [.. allocations.Select(a => new InvoiceAllocation(a.InvoiceId, a.Amount))],
            Note = attempt.MethodDescription,
            RecordedBy = attempt.OffSession ? "Autopay" : "Online payment",
            OnRecorded = (payment, token) => receipts.EnqueueAsync(attempt, payment, token),
        };
    }

    /// <summary>The ledger's key for this money: the gateway's own payment id, the one thing every path agrees on.</summary>
    public static string LedgerKey(PaymentAttempt attempt) =>
        $"{attempt.Gateway.ToString().ToLowerInvariant()}:{attempt.GatewayPaymentId ?? attempt.Id}";
}
