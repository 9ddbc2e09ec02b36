using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using OrchardPortal.Billing.Services;
using OrchardPortal.Core.Data;
using OrchardPortal.Customers.Services;
using OrchardPortal.Payments.Autopay.Models;
using OrchardPortal.Payments.Gateways;
using OrchardPortal.Payments.PayInvoices;
using OrchardPortal.Payments.Settings;
using OrchardPortal.Portal.Models;
using OrchardPortal.Portal.Services;

namespace OrchardPortal.Payments.Autopay.Enrollment;

/// <summary>
/// Turning autopay on and off for a customer. On needs a method saved at the gateway for this customer and
/// the ticked authorisation, which is stored as a consent record (text, time, address, portal user, method);
/// the customer's <c>AutopayEnabled</c> flag follows in the same transaction, so staff lists never disagree.
/// </summary>
public sealed class AutopayEnrollmentService(
    TenantDbContext db,
    CustomerService customers,
    PortalSettingsService portalSettings,
    PaymentSettingsService paymentSettings,
    PaymentGatewayResolver gateways,
    PayService pay,
    BillingContext billing,
    TimeProvider clock)
{
    private const int MaxConflictRetries = 3;

    /// <summary>The tenant offers autopay (Portal settings, "Enable auto-pay option").</summary>
    public async Task<bool> IsOfferedAsync(CancellationToken cancellationToken) =>
        (await portalSettings.GetAsync(cancellationToken)).EnableAutoPay;

    public async Task<AutopayStatus> GetStatusAsync(long customerId, CancellationToken cancellationToken)
    {
        var enrollment = await db.Set<AutopayEnrollment>().AsNoTracking().FirstOrDefaultAsync(e => e.CustomerId == customerId, cancellationToken);
        var consent = enrollment is null ? null
            : await db.Set<AutopayConsent>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == enrollment.ConsentId, cancellationToken);
        return new AutopayStatus(enrollment, consent);
    }

    /// <summary>The authorisation sentence the customer ticks, with the tenant's name and retry interval; stored exactly as shown.</summary>
    public async Task<string> ConsentTextAsync(CancellationToken cancellationToken)
    {
        var company = (await billing.ProfileAsync(cancellationToken)).CompanyName;
        var days = (await paymentSettings.GetAsync(cancellationToken)).AutopayRetryIntervalDays;
        return $"I authorise {company} to charge the payment method I selected above for the full balance of each of my invoices on its due date, "
            + $"until I turn automatic payments off in this portal. If a charge does not go through, {company} will email me and may try again after {days} {(days == 1 ? "day" : "days")}.";
    }

    /// <summary>The customer's saved methods at the tenant's current gateway.</summary>
    public async Task<IReadOnlyList<SavedPaymentMethod>> MethodsAsync(long customerId, CancellationToken cancellationToken)
    {
        var gateway = await gateways.GetAsync(cancellationToken);
        return await gateway.ListMethodsAsync(await pay.GatewayCustomerAsync(gateway, customerId, cancellationToken), cancellationToken);
    }

    /// <summary>
    /// Turns autopay on (or moves it to another method) for the signed-in customer. Refused, with nothing stored,
    /// without the ticked authorisation or with a method that is not one of this customer's saved methods.
    /// </summary>
    public async Task<AutopayChange> EnableAsync(PortalCustomer customer, AutopayRequest request, CancellationToken cancellationToken)
    {
        if (!request.Consented)
        {
            return AutopayChange.Refused("consent", "Tick the box to authorise automatic payments.");
        }

        var gateway = await gateways.GetAsync(cancellationToken);
        var methods = await gateway.ListMethodsAsync(await pay.GatewayCustomerAsync(gateway, customer.CustomerId, cancellationToken), cancellationToken);
        if (methods.Count == 0)
        {
            return AutopayChange.Refused("method", "Save a card or bank account first: pay an invoice and tick “Save this payment method”.");
        }

        var method = methods.FirstOrDefault(m => m.Id == request.MethodId);
        if (method is null)
        {
            return AutopayChange.Refused("method", "Choose one of your saved payment methods.");
        }

        var label = PaymentMethodLabels.Of(method.Summary);
        var text = await ConsentTextAsync(cancellationToken);
        for (var retry = 0; ; retry++)
        {
            db.ChangeTracker.Clear();
            var now = clock.GetUtcNow();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            try
            {
                var consent = new AutopayConsent
                {
                    Id = "apc_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12)),
                    CustomerId = customer.CustomerId,
                    PortalUserId = customer.UserId,
                    PortalUserEmail = customer.UserEmail,
                    Gateway = gateway.Kind,
                    MethodId = method.Id,
                    MethodLabel = label,
                    MethodKind = method.Summary.Kind,
                    ConsentText = text,
                    IpAddress = Clip(request.IpAddress, Data.AutopayModel.AddressLength),
                    UserAgent = Clip(request.UserAgent, Data.AutopayModel.AgentLength),
                    GivenUtc = now,
                };
                db.Add(consent);
                var enrollment = await db.Set<AutopayEnrollment>().FirstOrDefaultAsync(e => e.CustomerId == customer.CustomerId, cancellationToken);
                if (enrollment is null)
                {
                    db.Add(new AutopayEnrollment { CustomerId = customer.CustomerId, ConsentId = consent.Id, Gateway = gateway.Kind, MethodId = method.Id, MethodLabel = label, MethodKind = method.Summary.Kind, EnabledUtc = now });
                }
                else
                {
                    await EndConsentAsync(enrollment.ConsentId, "replaced", now, cancellationToken);
                    (enrollment.ConsentId, enrollment.Gateway, enrollment.MethodId, enrollment.MethodLabel, enrollment.MethodKind, enrollment.EnabledUtc) =
                        (consent.Id, gateway.Kind, method.Id, label, method.Summary.Kind, now);
                }

                await db.SaveChangesAsync(cancellationToken);
                await customers.SetPortalFlagsAsync(customer.CustomerId, new CustomerPortalFlags { AutopayEnabled = true }, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return AutopayChange.Done($"Automatic payments are on. We’ll charge {label} for each invoice on its due date.");
            }
            catch (DbUpdateException exception) when (retry < MaxConflictRetries && DatabaseErrors.IsUniqueViolation(exception))
            {
                // A second submit enrolled the customer meanwhile: roll back and apply this one on top of it.
                await transaction.RollbackAsync(CancellationToken.None);
            }
        }
    }

    /// <summary>Turns autopay off; <paramref name="endedBy"/> is "customer" or "staff: {email}". False when it was not on.</summary>
    public async Task<bool> DisableAsync(long customerId, string endedBy, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var enrollment = await db.Set<AutopayEnrollment>().FirstOrDefaultAsync(e => e.CustomerId == customerId, cancellationToken);
        if (enrollment is null)
        {
            return false;
        }

        await EndConsentAsync(enrollment.ConsentId, endedBy, clock.GetUtcNow(), cancellationToken);
        db.Remove(enrollment);
        await db.SaveChangesAsync(cancellationToken);
        await customers.SetPortalFlagsAsync(customerId, new CustomerPortalFlags { AutopayEnabled = false }, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>
    /// Why a saved method may not be removed now, or null. The method autopay charges cannot be removed while
    /// autopay is on: the customer turns autopay off or moves it to another method first, so no invoice is
    /// silently left unpaid and the consent on file always names a method that exists.
    /// </summary>
    public async Task<string?> RemovalRefusalAsync(long customerId, string methodId, CancellationToken cancellationToken)
    {
        var enrollment = await db.Set<AutopayEnrollment>().AsNoTracking().FirstOrDefaultAsync(e => e.CustomerId == customerId, cancellationToken);
        return enrollment?.MethodId == methodId
            ? $"{enrollment.MethodLabel} pays your invoices automatically, so it can’t be removed. Turn off automatic payments or choose another method for them first."
            : null;
    }

    private async Task EndConsentAsync(string consentId, string endedBy, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var consent = await db.Set<AutopayConsent>().FirstOrDefaultAsync(c => c.Id == consentId, cancellationToken);
        if (consent is not null && consent.EndedUtc is null)
        {
            (consent.EndedUtc, consent.EndedBy) = (now, Clip(endedBy, Data.AutopayModel.EmailLength));
        }
    }

    private static string? Clip(string? value, int length) => value is null ? null : value.Length <= length ? value : value[..length];
}

/// <summary>What the customer submitted to turn autopay on.</summary>
public sealed record AutopayRequest(string? MethodId, bool Consented, string? IpAddress, string? UserAgent);

/// <summary>Whether the customer pays automatically now, and the consent in force.</summary>
public sealed record AutopayStatus(AutopayEnrollment? Enrollment, AutopayConsent? Consent)
{
    public bool Enabled => Enrollment is not null;
}

/// <summary>The outcome of a change: a notice, or an error for one field with nothing changed.</summary>
public sealed record AutopayChange(string? Notice, string? ErrorField, string? Error)
{
    public bool Succeeded => Error is null;

    public static AutopayChange Done(string notice) => new(notice, null, null);

    public static AutopayChange Refused(string field, string error) => new(null, field, error);
}
