using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using OrchardPortal.Billing.Ledger;
using OrchardPortal.Core.Theming;
using OrchardPortal.Payments.Attempts;
using OrchardPortal.Payments.Gateways;
using OrchardPortal.Portal.Models;

namespace OrchardPortal.Payments.PayInvoices;

/// <summary>The Pay form itself and who may see it.</summary>
public sealed partial class PayPages
{
    /// <summary>
    /// The signed-in customer when they may pay; otherwise the answer to give: sign in first (anonymous), or
    /// "not found" (no Payments permission, tab switched off or hidden, portal denied).
    /// </summary>
    private async Task<(PortalCustomer? Customer, IResult? Denied)> PayerAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var customer = await current.GetAsync(cancellationToken);
        if (customer is null)
        {
            var back = request.Method == HttpMethods.Get ? request.Path + request.QueryString : PayPaths.Pay;
            return (null, Results.Redirect("/sign-in?returnUrl=" + Uri.EscapeDataString(back)));
        }

        var payments = await policy.CheckTabForAsync(customer, PortalTabs.Payments.Key, cancellationToken);
        var invoicesTab = await policy.CheckTabForAsync(customer, PortalTabs.Invoices.Key, cancellationToken);
        if (!customer.CanPay || (payments != PortalAccessDecision.Allowed && invoicesTab != PortalAccessDecision.Allowed))
        {
            return (null, await portal.NotFoundAsync(cancellationToken));
        }

        return (customer, null);
    }

    /// <summary>The invoice ids of the query or form; empty means the whole balance; null when any is not a number.</summary>
    private static List<long>? InvoiceIds(StringValues values)
    {
        var ids = new List<long>();
        foreach (var value in values)
        {
            if (!long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                return null;
            }

            ids.Add(id);
        }

        return [.. ids.Distinct()];
    }

    private async Task<IResult> RenderFormAsync(
        PortalCustomer customer, AmountDue due, IReadOnlyList<long> ids, string? amount, IReadOnlyDictionary<string, string> errors,
        PaymentAttempt? failed, string? notice, int statusCode, CancellationToken cancellationToken)
    {
        var tokens = antiforgery.GetAndStoreTokens(http.HttpContext!);
        var money = await billing.FormatterAsync(cancellationToken);
        var culture = await billing.CultureAsync(cancellationToken);
        var gateway = await gateways.GetAsync(cancellationToken);
        var keys = settings.GetStripeKeys(await settings.GetAsync(cancellationToken));
        if (gateway.Kind == GatewayKind.Stripe)
        {
            StripePageSecurity.AllowStripe(http.HttpContext!);
        }

        var saved = new List<Dictionary<string, object?>>();
        try
        {
            var customerRef = await pay.GatewayCustomerAsync(gateway, customer.CustomerId, cancellationToken);
            foreach (var method in await gateway.ListMethodsAsync(customerRef, cancellationToken))
            {
                saved.Add(new()
                {
                    ["value"] = "saved:" + method.Id,
                    ["label"] = PaymentMethodLabels.Of(method.Summary),
                    ["is_default"] = method.IsDefault,
                    ["kind"] = method.Summary.Kind == PaymentMethodKind.BankAccount ? "bank" : "card",
                });
            }
        }
        catch (PaymentGatewayException)
        {
            // Saved methods are a convenience: the form still works with a new card.
        }

        var model = new Dictionary<string, object?>
        {
            ["pay"] = new Dictionary<string, object?>
            {
                ["action"] = PayPaths.Pay,
                // A fresh token on every render: after a failure, "Try again" is a new attempt.
                ["token"] = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
                ["antiforgery_field"] = tokens.FormFieldName,
                ["antiforgery_token"] = tokens.RequestToken,
                ["invoices"] = due.Invoices.Select(i => new Dictionary<string, object?>
                {
                    ["id"] = i.InvoiceId.ToString(CultureInfo.InvariantCulture),
                    ["number"] = i.Number,
                    ["due_date"] = i.DueDate.ToString("d", culture),
                    ["balance"] = money(i.Balance),
                }).ToList(),
                ["chosen_ids"] = ids.Select(i => i.ToString(CultureInfo.InvariantCulture)).ToList(),
                ["total"] = money(due.Amount),
                ["amount"] = amount,
                ["minimum"] = money(await pay.MinimumAsync(due.Amount, cancellationToken)),
                ["gateway"] = gateway.Kind == GatewayKind.Sandbox ? "sandbox" : "stripe",
                ["currency"] = due.Currency,
                ["amount_minor"] = due.Amount,
                ["publishable_key"] = gateway.Kind == GatewayKind.Stripe ? keys?.PublishableKey : null,
                ["test_mode"] = gateway.IsTestMode,
                ["saved_methods"] = saved,
                ["errors"] = errors.ToDictionary(e => e.Key, e => (object?)e.Value),
                ["failure"] = failed is null ? null : new Dictionary<string, object?>
                {
                    ["message"] = failed.FailureMessage,
                    ["code"] = failed.FailureCode,
                },
                ["notice"] = notice,
                ["update_information_url"] = UpdateInformationPath,
            },
        };
        return await renderer.RenderPageAsync("Pay", model, await OptionsAsync("Make a payment", statusCode, cancellationToken), cancellationToken);
    }

    internal async Task<ThemePageOptions> OptionsAsync(string title, int statusCode, CancellationToken cancellationToken)
    {
        bool testMode;
        try
        {
            testMode = (await gateways.GetAsync(cancellationToken)).IsTestMode;
        }
        catch (PaymentGatewayException)
        {
            testMode = false;
        }

        return new ThemePageOptions { Title = title, StatusCode = statusCode, Banner = testMode ? TestModeBanner : null };
    }
}
