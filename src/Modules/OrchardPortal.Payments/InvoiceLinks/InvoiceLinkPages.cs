using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using OrchardPortal.Billing.Invoices;
using OrchardPortal.Billing.Models;
using OrchardPortal.Billing.Services;
using OrchardPortal.Core.Data;
using OrchardPortal.Core.Theming;
using OrchardPortal.Payments.Attempts;
using OrchardPortal.Payments.Gateways;
using OrchardPortal.Payments.PayInvoices;
using OrchardPortal.Payments.Settings;
using OrchardPortal.Portal.CustomerPages;

namespace OrchardPortal.Payments.InvoiceLinks;

/// <summary>
/// What an emailed invoice link answers, with no sign-in: that one invoice, its own Pay Now (through the same
/// <see cref="PayService"/> as the portal: server-computed amount, one attempt per form), the receipt of a payment
/// made for it, and nothing else. Unknown, malformed or another tenant's tokens get the themed 404.
/// Saved payment methods are never offered or accepted here: whoever holds the email is not signed in.
/// </summary>
public sealed partial class InvoiceLinkPages(
    InvoiceLinkService links,
    InvoiceService invoices,
    PayService pay,
    PayPages payPages,
    PortalPages portal,
    PaymentAttemptService attempts,
    PaymentGatewayResolver gateways,
    PaymentSettingsService settings,
    BillingContext billing,
    TenantDbContext db,
    IThemeRenderer renderer,
    IAntiforgery antiforgery,
    IHttpContextAccessor http)
{
    public async Task<IResult> ShowAsync(string token, CancellationToken cancellationToken)
    {
        var (link, invoice, answer) = await OpenAsync(token, cancellationToken);
        return answer ?? await RenderAsync(token, link!, invoice!, null, new Dictionary<string, string>(), null, StatusCodes.Status200OK, cancellationToken);
    }

    public async Task<IResult> SubmitAsync(string token, HttpRequest request, CancellationToken cancellationToken)
    {
        var (link, invoice, answer) = await OpenAsync(token, cancellationToken);
        if (answer is not null)
        {
            return answer;
        }

        var form = await request.ReadFormAsync(cancellationToken);
        string? amount = form["amount"];
        if (!await antiforgery.IsRequestValidAsync(request.HttpContext))
        {
            return await RenderAsync(token, link!, invoice!, amount, Error("form", "This form has expired. Please try again."), null, StatusCodes.Status400BadRequest, cancellationToken);
        }

        // The form's own attempt first: a second submit of a form whose payment was recorded meanwhile (a double
        // click, two requests at once) goes on to that payment's receipt instead of being told the invoice is paid.
        var own = await pay.FormAttemptAsync(form["token"], cancellationToken);
        if (!invoice!.IsOpenForPayment && (own is null || !IsForLink(own, link!)))
        {
            return await RenderAsync(token, link!, invoice, null, new Dictionary<string, string>(), null, StatusCodes.Status409Conflict, cancellationToken);
        }

        var method = form["method"].ToString();
        if (method is not ("card" or "bank"))
        {
            return await RenderAsync(token, link!, invoice, amount, Error("method", "Choose a card or a bank account."), null, StatusCodes.Status422UnprocessableEntity, cancellationToken);
        }

        PayOutcome outcome;
        try
        {
            outcome = await pay.PayAsync(link!.CustomerId, new PayForm
            {
                Token = form["token"],
                InvoiceIds = [link.InvoiceId],
                Amount = amount,
                Method = method,
                SaveMethod = false,
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
        catch (PaymentGatewayException)
        {
            var message = "We couldn't reach our payment processor. If you were charged, your payment will appear shortly; otherwise please try again in a few minutes.";
            return await ReloadAsync(token, link!, amount, Error("form", message), null, StatusCodes.Status503ServiceUnavailable, cancellationToken);
        }

        if (outcome.NotFound)
        {
            // Paid or voided meanwhile (or a form of another customer's): show what the invoice is now.
            return await ReloadAsync(token, link, null, new Dictionary<string, string>(), null, StatusCodes.Status409Conflict, cancellationToken);
        }

        if (outcome.Attempt is null)
        {
            return await ReloadAsync(token, link, amount, outcome.Errors, null, StatusCodes.Status422UnprocessableEntity, cancellationToken);
        }

        if (outcome.Unanswered)
        {
            // Not known yet whether the charge was made: the receipt page says so, and that it won't be made twice.
            return Results.Redirect(InvoiceLinkPaths.Receipt(token, outcome.Attempt.Id));
        }

        return outcome.Attempt.Status switch
        {
            PaymentStatus.Succeeded or PaymentStatus.Processing => Results.Redirect(InvoiceLinkPaths.Receipt(token, outcome.Attempt.Id)),
            PaymentStatus.RequiresAction when outcome.Action is not null => await payPages.RenderActionAsync(
                outcome.Attempt, outcome.Action, InvoiceLinkPaths.Authenticate(token, outcome.Attempt.Id), InvoiceLinkPaths.Receipt(token, outcome.Attempt.Id), cancellationToken),
            _ => await ReloadAsync(token, link, amount, new Dictionary<string, string>(), outcome.Attempt, StatusCodes.Status402PaymentRequired, cancellationToken),
        };
    }

    public async Task<IResult> ReceiptAsync(string token, string attemptId, CancellationToken cancellationToken)
    {
        var (link, _, answer) = await OpenAsync(token, cancellationToken);
        if (answer is not null)
        {
            return answer;
        }

        var attempt = await attempts.FindAsync(attemptId, cancellationToken);
        return attempt is not null && IsForLink(attempt, link!)
            ? await payPages.RenderReceiptAsync(attempt, InvoiceLinkPaths.Link(token), cancellationToken)
            : await portal.NotFoundAsync(cancellationToken);
    }

    public async Task<IResult> AuthenticateAsync(string token, string attemptId, HttpRequest request, CancellationToken cancellationToken)
    {
        var (link, _, answer) = await OpenAsync(token, cancellationToken);
        if (answer is not null)
        {
            return answer;
        }

        var attempt = await attempts.FindAsync(attemptId, cancellationToken);
        return attempt is not null && IsForLink(attempt, link!) && await payPages.CompleteSandboxAuthenticationAsync(attempt, request, cancellationToken)
            ? Results.Redirect(InvoiceLinkPaths.Receipt(token, attempt.Id))
            : await portal.NotFoundAsync(cancellationToken);
    }

    /// <summary>The link and its invoice, or the page to answer instead: 404 for a token that opens nothing, the expired page after its time.</summary>
    private async Task<(InvoiceLink? Link, Invoice? Invoice, IResult? Answer)> OpenAsync(string token, CancellationToken cancellationToken)
    {
        var link = await links.FindAsync(token, cancellationToken);
        if (link is null)
        {
            return (null, null, await portal.NotFoundAsync(cancellationToken));
        }

        if (links.IsExpired(link))
        {
            var options = await payPages.OptionsAsync("Link expired", StatusCodes.Status410Gone, cancellationToken);
            var model = new Dictionary<string, object?> { ["link"] = new Dictionary<string, object?> { ["state"] = "expired", ["sign_in_url"] = "/sign-in" } };
            return (null, null, await renderer.RenderPageAsync("InvoiceLink", model, options, cancellationToken));
        }

        var invoice = await invoices.GetAsync(link.InvoiceId, cancellationToken);
        return invoice is null || invoice.CustomerId != link.CustomerId || invoice.Status == InvoiceStatus.Draft
            ? (null, null, await portal.NotFoundAsync(cancellationToken))
            : (link, invoice, null);
    }

    private async Task<IResult> ReloadAsync(
        string token, InvoiceLink link, string? amount, IReadOnlyDictionary<string, string> errors, PaymentAttempt? failed, int statusCode, CancellationToken cancellationToken)
    {
        var invoice = await invoices.GetAsync(link.InvoiceId, cancellationToken);
        return invoice is null
            ? await portal.NotFoundAsync(cancellationToken)
            : await RenderAsync(token, link, invoice, amount, errors, failed, statusCode, cancellationToken);
    }

    private static Dictionary<string, string> Error(string field, string message) => new() { [field] = message };
}
