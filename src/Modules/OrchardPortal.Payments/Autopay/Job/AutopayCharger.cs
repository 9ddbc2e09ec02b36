using System.Globalization;
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
/// Charges one claimed invoice off-session. The gateway key is the charge's (<see cref="AutopayCharge.IdempotencyKey"/>):
/// a try whose answer never came is asked again with the same key and the same request (or, once the gateway's
/// payment id is known, simply read back), so no crash, timeout or second node can make a second charge.
/// One instance per worker scope (its own context).
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
    public async Task<AutopayOutcome> ChargeAsync(string chargeId, string token, CancellationToken cancellationToken)
    {
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
            return await FinishAsync(charge, token, attempt, null, "outcome_unknown",
                "The payment processor never confirmed whether this charge went through. Check the payment in the processor's dashboard before charging again.", cancellationToken);
        }

        PaymentResult result;
        try
        {
            var gateway = await gateways.GetAsync(attempt.Gateway, cancellationToken);
            result = attempt.GatewayPaymentId is { } paymentId
                ? await gateway.GetPaymentAsync(paymentId, cancellationToken)
                : await gateway.CreatePaymentAsync(await RequestAsync(gateway, charge, attempt, cancellationToken), cancellationToken);
        }
        catch (PaymentGatewayException exception) when (exception.Code is "invalid_request" or "resource_missing")
        {
            result = new PaymentFailed(null, attempt.Amount, "invalid_method", "The saved payment method can’t be charged any more. Please choose another one for automatic payments.");
        }
        catch (PaymentGatewayException exception)
        {
            // No answer is not a failure: the charge may have happened. Ask again later with the same key.
            logger.LogWarning("Autopay charge {Charge} of tenant {Tenant}: no answer from the gateway ({Code}); asking again later with the same key.", charge.Id, tenant.Required.Name, exception.Code);
            return await ReleaseUnknownAsync(charge, token, attempt, exception.Code, cancellationToken);
        }
        catch (Gateways.Stripe.StripeException exception) when (exception.Error.HttpStatus is >= 500 or 409 or 429)
        {
            // Stripe still failing after the client's own retries (5xx, key in use, rate limited): the outcome is unknown too.
            logger.LogWarning("Autopay charge {Charge} of tenant {Tenant}: Stripe answered {Status}; asking again later with the same key.", charge.Id, tenant.Required.Name, exception.Error.HttpStatus);
            return await ReleaseUnknownAsync(charge, token, attempt, "gateway_unavailable", cancellationToken);
        }

        if (result is PaymentRequiresAction action)
        {
            // Off-session nobody can authenticate: the customer pays this one in the portal.
            result = new PaymentFailed(action.PaymentId, action.Amount, "authentication_required",
                "Your bank asked to confirm this payment, which can’t be done automatically. Please pay this invoice in the portal.");
        }

        return await FinishAsync(charge, token, attempt, result, null, null, cancellationToken);
    }

    /// <summary>
    /// A first try: the invoice must still be open and due on this date and the customer still enrolled. The
    /// method and amount are written on the charge, then the attempt, in one transaction, before the gateway hears of it.
    /// </summary>
    private async Task<(PaymentAttempt? Attempt, string? MethodId, AutopayOutcome? Outcome)> StartAsync(AutopayCharge charge, string token, CancellationToken cancellationToken)
    {
        var enrollment = await db.Set<AutopayEnrollment>().AsNoTracking().FirstOrDefaultAsync(e => e.CustomerId == charge.CustomerId, cancellationToken);
        if (enrollment is null)
        {
            return (null, null, await SkipAsync(charge, token, "autopay_off", "Automatic payments were turned off before this invoice was charged.", cancellationToken));
        }

        var invoice = await invoices.GetAsync(charge.InvoiceId, cancellationToken);
        if (invoice is null || invoice.CustomerId != charge.CustomerId || !invoice.IsOpenForPayment || invoice.Balance <= 0 || invoice.DueDate != charge.DueDate)
        {
            return (null, null, await SkipAsync(charge, token, "not_due", "Nothing to charge: the invoice was paid, voided or given another due date.", cancellationToken));
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var held = await db.Set<AutopayCharge>().Where(c => c.Id == charge.Id && c.LeaseToken == token)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.MethodId, enrollment.MethodId).SetProperty(c => c.Amount, invoice.Balance).SetProperty(c => c.UpdatedUtc, now), cancellationToken);
        if (held == 0)
        {
            return (null, null, AutopayOutcome.Lost);
        }

        var (attempt, _) = await attempts.StartAsync(new NewPaymentAttempt(
            charge.IdempotencyKey, charge.CustomerId, enrollment.Gateway, enrollment.MethodKind, invoice.Balance, invoice.Currency,
            [new AttemptAllocation(invoice.Id, invoice.Balance)], OffSession: true), cancellationToken);
        if (attempt is null)
        {
            return (null, null, AutopayOutcome.Lost);
        }

        await transaction.CommitAsync(cancellationToken);
        return (attempt, enrollment.MethodId, null);
    }

    /// <summary>Built only from the attempt and the charge, so every replay sends exactly the same request.</summary>
    private async Task<PaymentRequest> RequestAsync(IPaymentGateway gateway, AutopayCharge charge, PaymentAttempt attempt, CancellationToken cancellationToken) => new()
    {
        IdempotencyKey = attempt.IdempotencyKey,
        Amount = attempt.Amount,
        Currency = attempt.Currency,
        GatewayCustomerId = await pay.GatewayCustomerAsync(gateway, attempt.CustomerId, cancellationToken),
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
            ["tenant"] = tenant.Required.Name,
        },
    };
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
