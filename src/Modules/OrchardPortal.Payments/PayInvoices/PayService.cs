using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OrchardPortal.Billing.Ledger;
using OrchardPortal.Billing.Services;
using OrchardPortal.Core.Data;
using OrchardPortal.Core.Tenancy;
using OrchardPortal.Customers.Services;
using OrchardPortal.Payments.Attempts;
using OrchardPortal.Payments.Gateways;
using OrchardPortal.Payments.Gateways.Sandbox;
using OrchardPortal.Payments.Reconciliation;
using OrchardPortal.Payments.Settings;
using PaymentRequest = OrchardPortal.Payments.Gateways.PaymentRequest;
using PaymentResult = OrchardPortal.Payments.Gateways.PaymentResult;

namespace OrchardPortal.Payments.PayInvoices;

/// <summary>
/// Paying invoices from the portal: the server computes what is due, checks the customer's amount against it
/// and the tenant minimum, writes the attempt (one per form token), charges through the tenant's gateway with
/// the attempt's key, and applies the answer. Nothing is recorded as paid unless the gateway says so.
/// </summary>
public sealed class PayService(
    BillingLedger ledger,
    BillingContext billing,
    CustomerService customers,
    PaymentSettingsService settings,
    PaymentGatewayResolver gateways,
    PaymentAttemptService attempts,
    AttemptRequestStore requests,
    TenantDbContext db,
    TenantScope tenant)
{
    /// <summary>What is due for the chosen invoices (all open ones when none are chosen); null when any is not this customer's open invoice.</summary>
    public Task<AmountDue?> QuoteAsync(long customerId, IReadOnlyList<long> invoiceIds, CancellationToken cancellationToken) =>
        ledger.AmountDueAsync(customerId, invoiceIds.Count == 0 ? null : invoiceIds, cancellationToken);

    /// <summary>The smallest amount this customer may pay now: the tenant minimum, or the whole amount due when that is less.</summary>
    public async Task<long> MinimumAsync(long due, CancellationToken cancellationToken) =>
        Math.Min((await settings.GetAsync(cancellationToken)).MinimumPaymentAmount, due);

    /// <summary>
    /// The attempt a Pay form already made (its token is the attempt's key), or null. Callers look for it before
    /// checking what is still owed: a second submit of a form whose payment was recorded meanwhile must land on
    /// that payment's receipt, not be told the invoice is paid.
    /// </summary>
    public async Task<PaymentAttempt?> FormAttemptAsync(string? formToken, CancellationToken cancellationToken) =>
        FormToken(formToken) is { } token ? await attempts.FindByKeyAsync("pay:" + token, cancellationToken) : null;

    public async Task<PayOutcome> PayAsync(long customerId, PayForm form, CancellationToken cancellationToken)
    {
        var token = FormToken(form.Token);
        // A form already submitted (a double click, fifty of them, a retry after a timeout) carries on with its
        // own attempt, whatever the invoices owe by now: the gateway replays the first answer for the same key.
        var existing = await FormAttemptAsync(token, cancellationToken);
        if (existing is not null)
        {
            if (existing.CustomerId != customerId)
            {
                return new PayOutcome { NotFound = true };
            }

            if (existing.Status is PaymentStatus.Succeeded or PaymentStatus.Processing)
            {
                // Already charged: show its receipt without asking the gateway again.
                return new PayOutcome { Attempt = existing };
            }

            var existingGateway = await gateways.GetAsync(existing.Gateway, cancellationToken);
            var (existingMethod, _, existingError) = await ResolveMethodAsync(existingGateway, customerId, form, token!, cancellationToken);
            return existingError is null
                ? await ChargeAsync(existingGateway, existing, existingMethod!, form, cancellationToken)
                : new PayOutcome { Errors = new Dictionary<string, string> { [existingError.Value.Field] = existingError.Value.Message } };
        }

        var due = await QuoteAsync(customerId, form.InvoiceIds, cancellationToken);
        if (due is null)
        {
            return new PayOutcome { NotFound = true };
        }

        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var money = await billing.FormatterAsync(cancellationToken);
        var culture = await billing.CultureAsync(cancellationToken);
        var minimum = await MinimumAsync(due.Amount, cancellationToken);
        long charge = 0;
        if (due.Amount <= 0)
        {
            errors["form"] = "There is nothing to pay right now.";
        }
        else if (!MoneyText.TryParse(form.Amount, due.Currency, culture, out charge) || charge <= 0)
        {
            errors["amount"] = "Enter the amount to pay, like " + MoneyText.ForInput(due.Amount, due.Currency, culture) + ".";
        }
        else if (charge > due.Amount)
        {
            errors["amount"] = $"You can pay at most {money(due.Amount)}, the balance of what you chose.";
        }
        else if (charge < minimum)
        {
            errors["amount"] = $"The smallest payment we accept is {money(minimum)}.";
        }

        if (token is null)
        {
            errors["form"] = "This form has expired. Please reload the page and try again.";
        }

        if (errors.Count > 0)
        {
            return new PayOutcome { Errors = errors };
        }

        var gateway = await gateways.GetAsync(cancellationToken);
        var (methodId, kind, methodError) = await ResolveMethodAsync(gateway, customerId, form, token!, cancellationToken);
        if (methodError is not null)
        {
            return new PayOutcome { Errors = new Dictionary<string, string> { [methodError.Value.Field] = methodError.Value.Message } };
        }

        var (attempt, _) = await attempts.StartAsync(
            new NewPaymentAttempt("pay:" + token, customerId, gateway.Kind, kind!.Value, charge, due.Currency, Allocate(due, charge)), cancellationToken);
        if (attempt is null)
        {
            return new PayOutcome { Errors = new Dictionary<string, string> { ["form"] = "This form was already used for a different payment. Please reload the page and try again." } };
        }

        return await ChargeAsync(gateway, attempt, methodId!, form, cancellationToken);
    }

    /// <summary>
    /// Charges the attempt with its own key. Every parameter comes from the attempt or the form, so every
    /// submit of one form sends the same request, and the gateway's idempotency makes them one charge.
    /// </summary>
    private async Task<PayOutcome> ChargeAsync(IPaymentGateway gateway, PaymentAttempt attempt, string methodId, PayForm form, CancellationToken cancellationToken)
    {
        var customerRef = await GatewayCustomerAsync(gateway, attempt.CustomerId, cancellationToken);
        var request = new PaymentRequest
        {
            IdempotencyKey = attempt.IdempotencyKey,
            Amount = attempt.Amount,
            Currency = attempt.Currency,
            GatewayCustomerId = customerRef,
            PaymentMethodId = methodId,
            Kind = attempt.MethodKind,
            SaveMethod = form.SaveMethod,
            Description = $"Portal payment {attempt.Id}",
            CustomerIpAddress = form.CustomerIpAddress,
            CustomerUserAgent = form.CustomerUserAgent,
            Metadata = new Dictionary<string, string>
            {
                ["attempt_id"] = attempt.Id,
                ["customer_id"] = attempt.CustomerId.ToString(CultureInfo.InvariantCulture),
                ["tenant"] = tenant.Required.Name,
            },
        };

        // Saved before sending: if no answer ever comes (a crash, the network), reconciliation sends this same request again.
        await requests.SaveAsync(attempt.Id, request, cancellationToken);
        PaymentResult result;
        try
        {
            result = await gateway.CreatePaymentAsync(request, cancellationToken);
        }
        catch (PaymentGatewayException exception) when (exception.Code is "invalid_request" or "resource_missing")
        {
            result = new PaymentFailed(null, attempt.Amount, "invalid_method", "That payment method can't be used. Please choose another one.");
        }
        catch (PaymentGatewayException exception) when (exception.Code == "gateway_unavailable")
        {
            // No answer after the client's retries (network, Stripe 5xx/409/429): the charge may or may not have
            // been made. The attempt stays pending with its saved request; reconciliation (or the webhook) asks
            // again with the same key, so it is made or found exactly once. Not a decline: nothing is applied.
            return new PayOutcome { Attempt = attempt, Unanswered = true };
        }

        var applied = await attempts.ApplyAsync(attempt.Id, result, cancellationToken);
        return new PayOutcome { Attempt = applied, Action = result as PaymentRequiresAction };
    }

    /// <summary>The gateway's customer for ours, created once per gateway and mode and remembered.</summary>
    public async Task<string> GatewayCustomerAsync(IPaymentGateway gateway, long customerId, CancellationToken cancellationToken)
    {
        if ((await KnownGatewayCustomersAsync(gateway, [customerId], cancellationToken)).TryGetValue(customerId, out var known))
        {
            return known;
        }

        var mode = Mode(gateway);

        var customer = await customers.GetAsync(customerId, cancellationToken);
        var id = await gateway.EnsureCustomerAsync(
            new GatewayCustomerRequest(customerId, customer?.DisplayName ?? "Customer", customer?.PrimaryEmail, $"customer:{tenant.Required.Name}:{mode}:{customerId}"), cancellationToken);
        db.Add(new GatewayCustomer { CustomerId = customerId, Gateway = gateway.Kind, Mode = mode, ExternalId = id });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (DatabaseErrors.IsUniqueViolation(exception))
        {
            // A concurrent payment stored it first; the idempotency key gave both the same customer.
            db.ChangeTracker.Clear();
        }

        return id;
    }

    /// <summary>The gateway's customers already stored for <paramref name="customerIds"/> (none is created here), by our customer id.</summary>
    public async Task<IReadOnlyDictionary<long, string>> KnownGatewayCustomersAsync(IPaymentGateway gateway, IReadOnlyCollection<long> customerIds, CancellationToken cancellationToken)
    {
        var mode = Mode(gateway);
        return await db.Set<GatewayCustomer>().AsNoTracking()
            .Where(c => customerIds.Contains(c.CustomerId) && c.Gateway == gateway.Kind && c.Mode == mode)
            .ToDictionaryAsync(c => c.CustomerId, c => c.ExternalId, cancellationToken);
    }

    private static string Mode(IPaymentGateway gateway) => gateway.IsTestMode ? "test" : "live";

    /// <summary>The payment split over the chosen invoices, oldest due first, never more than each balance.</summary>
    private static List<AttemptAllocation> Allocate(AmountDue due, long amount)
    {
        var allocations = new List<AttemptAllocation>();
        var left = amount;
        foreach (var invoice in due.Invoices.OrderBy(i => i.DueDate).ThenBy(i => i.InvoiceId))
        {
            var part = Math.Min(left, invoice.Balance);
            if (part > 0)
            {
                allocations.Add(new AttemptAllocation(invoice.InvoiceId, part));
                left -= part;
            }
        }

        return allocations;
    }

    private async Task<(string? MethodId, PaymentMethodKind? Kind, (string Field, string Message)? Error)> ResolveMethodAsync(
        IPaymentGateway gateway, long customerId, PayForm form, string token, CancellationToken cancellationToken)
    {
        if (form.Method?.StartsWith("saved:", StringComparison.Ordinal) == true)
        {
            var id = form.Method["saved:".Length..];
            var saved = await gateway.ListMethodsAsync(await GatewayCustomerAsync(gateway, customerId, cancellationToken), cancellationToken);
            var method = saved.FirstOrDefault(m => m.Id == id);
            return method is null ? (null, null, ("method", "Choose one of your saved payment methods.")) : (method.Id, method.Summary.Kind, null);
        }

        if (gateway is SandboxGateway sandbox)
        {
            // The method is made once per form token, as Stripe.js makes one pm_… per form in the browser.
            var (id, error) = form.Method == "bank"
                ? await sandbox.CreateBankMethodAsync(form.RoutingNumber, form.AccountNumber, "method:" + token, cancellationToken)
                : await sandbox.CreateCardMethodAsync(form.CardNumber, Number(form.ExpMonth), Year(form.ExpYear), form.Cvc, "method:" + token, cancellationToken);
            return id is null ? (null, null, (form.Method == "bank" ? "bank" : "card", error!)) : (id, form.Method == "bank" ? PaymentMethodKind.BankAccount : PaymentMethodKind.Card, null);
        }

        return form.PaymentMethodId is { } pm && pm.StartsWith("pm_", StringComparison.Ordinal) && pm.Length <= 64
            ? (pm, form.Method == "bank" ? PaymentMethodKind.BankAccount : PaymentMethodKind.Card, null)
            : (null, null, ("method", "Enter your card or bank details."));
    }

    private static string? FormToken(string? token) =>
        token is { Length: >= 16 and <= 64 } t && t.All(char.IsAsciiLetterOrDigit) ? t : null;

    private static int Number(string? text) =>
        int.TryParse(text?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;

    /// <summary>Two-digit years ("28", as printed on cards) are this century's.</summary>
    private static int Year(string? text) => Number(text) is var year and > 0 and < 100 ? 2000 + year : Number(text);
}
