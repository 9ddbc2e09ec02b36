using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrchardPortal.Billing.Invoices;
using OrchardPortal.Core.Data;
using OrchardPortal.Core.Tenancy;
using OrchardPortal.Payments.Attempts;
using OrchardPortal.Payments.Autopay.Models;
using OrchardPortal.Payments.Gateways;
using OrchardPortal.Payments.PayInvoices;

namespace OrchardPortal.Payments.Autopay.Job;

/// <summary>
/// Charges one claimed invoice off-session, on its own: what <see cref="AutopayBatch"/> hands back (a charge that
/// already has an attempt, a batch that met a concurrent change). The gateway key is the charge's
/// (<see cref="AutopayCharge.IdempotencyKey"/>): a try whose answer never came is asked again with the same key and
/// the same request (or, once the gateway's payment id is known, simply read back), so no crash, timeout or second
/// node can make a second charge. One instance per worker scope (its own context).
/// </summary>
public sealed partial class AutopayCharger(
    TenantDbContext db,
    PaymentAttemptService attempts,
    PaymentGatewayResolver gateways,
    PayService pay,
    InvoiceService invoices,
    AutopayFailureEmail failureEmail,
    Settings.PaymentSettingsService settings,
    IOptionsMonitor<AutopayOptions> options,
    TenantScope tenant,
    TimeProvider clock,
    ILogger<AutopayCharger> logger)
{
    private AutopayTurns? _turns;

    /// <summary>
    /// Charges the claimed row <paramref name="chargeId"/> if this run (<paramref name="token"/>) still holds it,
    /// taking the run's <paramref name="turns"/> for its writes and its gateway call.
    /// </summary>
    public async Task<AutopayOutcome> ChargeAsync(string chargeId, string token, AutopayTurns turns, CancellationToken cancellationToken)
    {
        _turns = turns;
        var charge = await db.Set<AutopayCharge>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == chargeId && c.LeaseToken == token, cancellationToken);
        if (charge is null)
        {
            return AutopayOutcome.Lost;
        }

        var attempt = await attempts.FindByKeyAsync(charge.IdempotencyKey, cancellationToken);
        if (attempt is null)
        {
            var started = await StartAsync(charge, token, cancellationToken);
            if (started.Outcome is { } stopped)
            {
                return stopped;
            }

            attempt = started.Attempt!;
            charge.MethodId = started.MethodId;
        }
        else if (attempt.GatewayPaymentId is null && clock.GetUtcNow() - attempt.CreatedUtc > options.CurrentValue.ReplayWindow)
        {
            // The gateway forgets keys after a day: sending this again could charge twice. A person must check.
            return await FinishAsync(charge, token, attempt, null, "outcome_unknown", AutopaySettlement.UnknownOutcomeMessage, cancellationToken);
        }

        AutopayAnswer answer;
        await turns.Calls.WaitAsync(CancellationToken.None);
        try
        {
            answer = await AutopayGatewayCall.AskAsync(async () =>
            {
                var gateway = await gateways.GetAsync(attempt.Gateway, cancellationToken);
                return attempt.GatewayPaymentId is { } paymentId
                    ? await gateway.GetPaymentAsync(paymentId, cancellationToken)
                    : await gateway.CreatePaymentAsync(AutopayGatewayCall.Request(charge, attempt, await pay.GatewayCustomerAsync(gateway, attempt.CustomerId, cancellationToken), tenant.Required.Name), cancellationToken);
            }, attempt.Amount, charge.Id, tenant.Required.Name, logger);
        }
        finally
        {
            turns.Calls.Release();
        }

        return answer.Result is { } result
            ? await FinishAsync(charge, token, attempt, result, null, null, cancellationToken)
            : await ReleaseUnknownAsync(charge, token, attempt, answer.UnknownCode!, cancellationToken);
    }

    /// <summary>
    /// A first try: the invoice must still be open and due on this date and the customer still enrolled. The
    /// method and amount are written on the charge, then the attempt, in one transaction, before the gateway hears of it.
    /// </summary>
    private async Task<(PaymentAttempt? Attempt, string? MethodId, AutopayOutcome? Outcome)> StartAsync(AutopayCharge charge, string token, CancellationToken cancellationToken)
    {
        var enrollment = await db.Set<AutopayEnrollment>().AsNoTracking().FirstOrDefaultAsync(e => e.CustomerId == charge.CustomerId, cancellationToken);
        var invoice = enrollment is null ? null : await invoices.GetAsync(charge.InvoiceId, cancellationToken);
        if (AutopaySettlement.Refusal(charge, enrollment, invoice) is { } refusal)
        {
            return (null, null, await SkipAsync(charge, token, refusal.Code, refusal.Message, cancellationToken));
        }

        return await Turns.WriteAsync(() => BeginAsync(charge, token, enrollment!, invoice!, cancellationToken));
    }

    private async Task<(PaymentAttempt? Attempt, string? MethodId, AutopayOutcome? Outcome)> BeginAsync(
        AutopayCharge charge, string token, AutopayEnrollment enrollment, Billing.Models.Invoice invoice, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var held = await db.Set<AutopayCharge>().Where(c => c.Id == charge.Id && c.LeaseToken == token)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.MethodId, enrollment.MethodId).SetProperty(c => c.Amount, invoice.Balance).SetProperty(c => c.UpdatedUtc, now), cancellationToken);
        if (held == 0)
        {
            return (null, null, AutopayOutcome.Lost);
        }

        var (attempt, _) = await attempts.StartAsync(AutopayBatch.NewAttempt(charge, enrollment, invoice), cancellationToken);
        if (attempt is null)
        {
            return (null, null, AutopayOutcome.Lost);
        }

        await transaction.CommitAsync(cancellationToken);
        return (attempt, enrollment.MethodId, null);
    }

    private AutopayTurns Turns => _turns ?? throw new InvalidOperationException("ChargeAsync sets the run's turns first.");
}

/// <summary>What one charge came to, for the run's summary.</summary>
public enum AutopayOutcome
{
    Paid,
    Processing,
    Failed,
    Unknown,
    Skipped,

    /// <summary>Another node holds it now (this run's lease lapsed): nothing done here.</summary>
    Lost,
}
