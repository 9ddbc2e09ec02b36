using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using OrchardPortal.Billing.Services;
using OrchardPortal.Core.Theming;
using OrchardPortal.Payments.Attempts;
using OrchardPortal.Payments.Gateways;
using OrchardPortal.Payments.Gateways.Sandbox;
using OrchardPortal.Payments.Settings;
using OrchardPortal.Portal.CustomerPages;
using OrchardPortal.Portal.Models;
using OrchardPortal.Portal.Services;

namespace OrchardPortal.Payments.PayInvoices;

/// <summary>What each payment URL answers; see <see cref="PayEndpoints"/>. Only a signed-in customer who may pay gets anything.</summary>
public sealed partial class PayPages(
    IThemeRenderer renderer,
    ICurrentPortalCustomer current,
    IPortalAccessPolicy policy,
    PortalPages portal,
    PayService pay,
    PaymentGatewayResolver gateways,
    PaymentSettingsService settings,
    PaymentAttemptService attempts,
    BillingContext billing,
    IAntiforgery antiforgery,
    IHttpContextAccessor http)
{
    public const string TestModeBanner = "Test mode — no real money moves";
    public const string UpdateInformationPath = "/account/update-information";

    public async Task<IResult> ShowAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var (customer, denied) = await PayerAsync(request, cancellationToken);
        if (customer is null)
        {
            return denied!;
        }

        var ids = InvoiceIds(request.Query["invoice"]);
        var due = ids is null ? null : await pay.QuoteAsync(customer.CustomerId, ids, cancellationToken);
        if (due is null)
        {
            return await portal.NotFoundAsync(cancellationToken);
        }

        var culture = await billing.CultureAsync(cancellationToken);
        return await RenderFormAsync(customer, due, ids!, MoneyText.ForInput(due.Amount, due.Currency, culture), new Dictionary<string, string>(), null, null, StatusCodes.Status200OK, cancellationToken);
    }

    public async Task<IResult> SubmitAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var (customer, denied) = await PayerAsync(request, cancellationToken);
        if (customer is null)
        {
            return denied!;
        }

        var form = await request.ReadFormAsync(cancellationToken);
        var ids = InvoiceIds(form["invoice"]);
        if (ids is null)
        {
            return await portal.NotFoundAsync(cancellationToken);
        }

        if (!await antiforgery.IsRequestValidAsync(request.HttpContext))
        {
            return await RenderQuotedAsync(customer, ids, form["amount"], new Dictionary<string, string> { ["form"] = "This form has expired. Please try again." }, null, StatusCodes.Status400BadRequest, cancellationToken);
        }

        PayOutcome outcome;
        try
        {
            outcome = await pay.PayAsync(customer.CustomerId, new PayForm
            {
                Token = form["token"],
                InvoiceIds = ids,
                Amount = form["amount"],
                Method = form["method"],
                SaveMethod = form["save_method"] == "true",
                PaymentMethodId = form["payment_method_id"],
                CardNumber = form["card_number"],
                ExpMonth = form["exp_month"],
                ExpYear = form["exp_year"],
                Cvc = form["cvc"],
                RoutingNumber = form["routing_number"],
                AccountNumber = form["account_number"],
                CustomerIpAddress = request.HttpContext.Connection.RemoteIpAddress?.ToString() ?? "127.0.0.1",
                CustomerUserAgent = request.Headers.UserAgent.ToString(),
            }, cancellationToken);
        }
        catch (PaymentGatewayException exception)
        {
            var message = exception.Code == "gateway_unavailable"
                ? "We couldn't reach our payment processor. If you were charged, your payment will appear shortly; otherwise please try again in a few minutes."
                : "Online payments are not available right now. Please contact us to pay.";
            return await RenderQuotedAsync(customer, ids, form["amount"], new Dictionary<string, string> { ["form"] = message }, null, StatusCodes.Status503ServiceUnavailable, cancellationToken);
        }

        if (outcome.NotFound)
        {
            return await portal.NotFoundAsync(cancellationToken);
        }

        if (outcome.Attempt is null)
        {
            return await RenderQuotedAsync(customer, ids, form["amount"], outcome.Errors, null, StatusCodes.Status422UnprocessableEntity, cancellationToken);
        }

        if (outcome.Unanswered)
        {
            // Not known yet whether the charge was made: the receipt page says so, and that it won't be made twice.
            return Results.Redirect(PayPaths.Receipt(outcome.Attempt.Id));
        }

        return outcome.Attempt.Status switch
        {
            PaymentStatus.Succeeded or PaymentStatus.Processing => Results.Redirect(PayPaths.Receipt(outcome.Attempt.Id)),
            PaymentStatus.RequiresAction when outcome.Action is not null => await RenderActionAsync(outcome.Attempt, outcome.Action, PayPaths.Authenticate(outcome.Attempt.Id), PayPaths.Receipt(outcome.Attempt.Id), cancellationToken),
            _ => await RenderQuotedAsync(customer, ids, form["amount"], new Dictionary<string, string>(), outcome.Attempt, StatusCodes.Status402PaymentRequired, cancellationToken),
        };
    }

    /// <summary>The form again, with what is due now; "not found" when the invoices are no longer this customer's to pay.</summary>
    private async Task<IResult> RenderQuotedAsync(
        PortalCustomer customer, IReadOnlyList<long> ids, string? amount, IReadOnlyDictionary<string, string> errors, PaymentAttempt? failed, int statusCode, CancellationToken cancellationToken)
    {
        var due = await pay.QuoteAsync(customer.CustomerId, ids, cancellationToken);
        return due is null
            ? await portal.NotFoundAsync(cancellationToken)
            : await RenderFormAsync(customer, due, ids, amount, errors, failed, null, statusCode, cancellationToken);
    }

    /// <summary>The Sandbox's stand-in for the bank's 3-D Secure page: complete (or fail) the check, then see the receipt.</summary>
    public async Task<IResult> AuthenticateAsync(string attemptId, HttpRequest request, CancellationToken cancellationToken)
    {
        var (customer, denied) = await PayerAsync(request, cancellationToken);
        if (customer is null)
        {
            return denied!;
        }

        var attempt = await attempts.FindAsync(attemptId, cancellationToken);
        return attempt is not null && attempt.CustomerId == customer.CustomerId && await CompleteSandboxAuthenticationAsync(attempt, request, cancellationToken)
            ? Results.Redirect(PayPaths.Receipt(attempt.Id))
            : await portal.NotFoundAsync(cancellationToken);
    }

    /// <summary>
    /// Completes (or fails) the Sandbox's authentication step of an attempt the caller checked belongs to the
    /// visitor; false when the form or the attempt does not fit (the caller answers "not found").
    /// </summary>
    internal async Task<bool> CompleteSandboxAuthenticationAsync(PaymentAttempt attempt, HttpRequest request, CancellationToken cancellationToken)
    {
        var form = await request.ReadFormAsync(cancellationToken);
        if (attempt.Gateway != GatewayKind.Sandbox || attempt.GatewayPaymentId is null || !await antiforgery.IsRequestValidAsync(request.HttpContext))
        {
            return false;
        }

        var sandbox = (SandboxGateway)await gateways.GetAsync(GatewayKind.Sandbox, cancellationToken);
        try
        {
            var result = await sandbox.CompleteAuthenticationAsync(attempt.GatewayPaymentId, form["client_secret"].ToString(), form["outcome"] == "complete", cancellationToken);
            await attempts.ApplyAsync(attempt.Id, result, cancellationToken);
            return true;
        }
        catch (PaymentGatewayException)
        {
            return false;
        }
    }

    public async Task<IResult> ReceiptAsync(string attemptId, CancellationToken cancellationToken)
    {
        var request = http.HttpContext!.Request;
        var (customer, denied) = await PayerAsync(request, cancellationToken);
        if (customer is null)
        {
            return denied!;
        }

        var attempt = await attempts.FindAsync(attemptId, cancellationToken);
        if (attempt is null || attempt.CustomerId != customer.CustomerId)
        {
            return await portal.NotFoundAsync(cancellationToken);
        }

        return await RenderReceiptAsync(attempt, PayPaths.Pay, cancellationToken);
    }

    /// <summary>
    /// The receipt page for an attempt the caller has already checked belongs to the visitor (the signed-in
    /// customer, or the invoice link's customer); <paramref name="payAgainUrl"/> is where "Try again" leads.
    /// </summary>
    internal async Task<IResult> RenderReceiptAsync(PaymentAttempt attempt, string payAgainUrl, CancellationToken cancellationToken)
    {
        if (attempt.GatewayPaymentId is not null && attempt.Status is PaymentStatus.Pending or PaymentStatus.Processing or PaymentStatus.RequiresAction)
        {
            // The gateway's word, never the browser's: ask for the payment's status now.
            try
            {
                var gateway = await gateways.GetAsync(attempt.Gateway, cancellationToken);
                attempt = await attempts.ApplyAsync(attempt.Id, await gateway.GetPaymentAsync(attempt.GatewayPaymentId, cancellationToken), cancellationToken);
            }
            catch (PaymentGatewayException)
            {
                // Show what we know; the webhook or the next visit brings the rest.
            }
        }

        var money = await billing.FormatterAsync(cancellationToken);
        var culture = await billing.CultureAsync(cancellationToken);
        var zone = (await billing.ProfileAsync(cancellationToken)).TimeZone;
        var model = new Dictionary<string, object?>
        {
            ["receipt"] = new Dictionary<string, object?>
            {
                // "unknown": sent but never answered (network, gateway errors); reconciliation will find out.
                ["status"] = attempt.Status == PaymentStatus.Pending && attempt.GatewayPaymentId is null ? "unknown" : attempt.Status.ToString().ToLowerInvariant(),
                ["amount"] = money(attempt.Amount),
                ["method"] = attempt.MethodDescription,
                ["date"] = TimeZoneInfo.ConvertTime(attempt.CreatedUtc, zone).ToString("D", culture),
                ["reference"] = attempt.GatewayPaymentId ?? attempt.Id,
                ["failure_message"] = attempt.FailureMessage,
                ["pay_again_url"] = payAgainUrl,
            },
        };
        return await renderer.RenderPageAsync("Receipt", model, await OptionsAsync("Payment receipt", StatusCodes.Status200OK, cancellationToken), cancellationToken);
    }

    /// <summary>The "confirm your payment" step; the form posts to <paramref name="formAction"/> and ends at <paramref name="receiptUrl"/>.</summary>
    internal async Task<IResult> RenderActionAsync(
        PaymentAttempt attempt, PaymentRequiresAction action, string formAction, string receiptUrl, CancellationToken cancellationToken, string? error = null, int statusCode = StatusCodes.Status200OK)
    {
        var tokens = antiforgery.GetAndStoreTokens(http.HttpContext!);
        var keys = settings.GetStripeKeys(await settings.GetAsync(cancellationToken));
        if (attempt.Gateway == GatewayKind.Stripe)
        {
            StripePageSecurity.AllowStripe(http.HttpContext!);
        }

        var model = new Dictionary<string, object?>
        {
            ["action"] = new Dictionary<string, object?>
            {
                ["type"] = action.NextAction,
                ["sandbox"] = attempt.Gateway == GatewayKind.Sandbox,
                ["client_secret"] = action.ClientSecret,
                ["redirect_url"] = action.RedirectUrl,
                ["form_action"] = formAction,
                ["receipt_url"] = receiptUrl,
                // Our own micro-deposit form, for the signed-in customer's own pages (the link page offers Stripe's hosted one).
                ["verify_action"] = receiptUrl == PayPaths.Receipt(attempt.Id) ? VerifyPath(attempt.Id) : null,
                ["error"] = error,
                ["publishable_key"] = attempt.Gateway == GatewayKind.Stripe ? keys?.PublishableKey : null,
                ["antiforgery_field"] = tokens.FormFieldName,
                ["antiforgery_token"] = tokens.RequestToken,
            },
        };
        return await renderer.RenderPageAsync("PayAuthenticate", model, await OptionsAsync("Confirm your payment", statusCode, cancellationToken), cancellationToken);
    }
}
