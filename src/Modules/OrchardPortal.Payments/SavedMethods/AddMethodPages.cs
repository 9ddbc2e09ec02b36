using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OrchardPortal.Core.Hosting;
using OrchardPortal.Core.Theming;
using OrchardPortal.Payments.Gateways;
using OrchardPortal.Payments.Gateways.Sandbox;
using OrchardPortal.Payments.PayInvoices;
using OrchardPortal.Payments.Settings;
using OrchardPortal.Portal.CustomerPages;
using OrchardPortal.Portal.Services;

namespace OrchardPortal.Payments.SavedMethods;

/// <summary>
/// <c>/pay/methods/add</c>: save a card or bank account without paying (a SetupIntent with <c>usage=off_session</c>).
/// The Sandbox takes a test number in our own form; with Stripe the Payment Element (setup mode) makes the
/// <c>pm_…</c> in the browser and only that id is posted. One form token is one setup, however often it is posted.
/// </summary>
public sealed class AddMethodPages(
    IThemeRenderer renderer,
    ICurrentPortalCustomer current,
    PortalPages portal,
    PayService pay,
    PayPages payPages,
    SavedMethodsPages methods,
    PaymentGatewayResolver gateways,
    PaymentSettingsService settings,
    IAntiforgery antiforgery,
    IHttpContextAccessor http)
{
    public const string Path = "/pay/methods/add";

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var tenantOnly = new SiteScopeAttribute(Site.Tenant);
        endpoints.MapGet(Path, (AddMethodPages pages, CancellationToken cancellationToken) => pages.ShowAsync(cancellationToken))
            .WithMetadata(tenantOnly).AllowAnonymous();
        endpoints.MapPost(Path, (AddMethodPages pages, HttpRequest request, CancellationToken cancellationToken) => pages.SubmitAsync(request, cancellationToken))
            .WithMetadata(tenantOnly).AllowAnonymous().DisableAntiforgery();
    }

    public async Task<IResult> ShowAsync(CancellationToken cancellationToken)
    {
        var customer = await current.GetAsync(cancellationToken);
        if (customer is null)
        {
            return Results.Redirect("/sign-in?returnUrl=" + Uri.EscapeDataString(Path));
        }

        return customer.CanPay ? await RenderAsync(null, StatusCodes.Status200OK, cancellationToken) : await portal.NotFoundAsync(cancellationToken);
    }

    public async Task<IResult> SubmitAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var customer = await current.GetAsync(cancellationToken);
        if (customer is null)
        {
            return Results.Redirect("/sign-in?returnUrl=" + Uri.EscapeDataString(Path));
        }

        var form = await request.ReadFormAsync(cancellationToken);
        if (!customer.CanPay)
        {
            return await portal.NotFoundAsync(cancellationToken);
        }

        if (!await antiforgery.IsRequestValidAsync(request.HttpContext))
        {
            return await RenderAsync("This form has expired. Please try again.", StatusCodes.Status400BadRequest, cancellationToken);
        }

        var token = form["token"].ToString() is { Length: >= 16 and <= 64 } t && t.All(char.IsAsciiLetterOrDigit) ? t : null;
        if (token is null)
        {
            return await RenderAsync("This form has expired. Please reload the page and try again.", StatusCodes.Status400BadRequest, cancellationToken);
        }

        var bank = form["method"] == "bank";
        var kind = bank ? PaymentMethodKind.BankAccount : PaymentMethodKind.Card;
        var gateway = await gateways.GetAsync(cancellationToken);
        string? methodId;
        if (gateway is SandboxGateway sandbox)
        {
            string? error;
            (methodId, error) = bank
                ? await sandbox.CreateBankMethodAsync(form["routing_number"], form["account_number"], "method:" + token, cancellationToken)
                : await sandbox.CreateCardMethodAsync(form["card_number"], Number(form["exp_month"]), Year(form["exp_year"]), form["cvc"], "method:" + token, cancellationToken);
            if (methodId is null)
            {
                return await RenderAsync(error, StatusCodes.Status422UnprocessableEntity, cancellationToken);
            }
        }
        else
        {
            methodId = form["payment_method_id"].ToString() is { Length: > 3 and <= 64 } pm && pm.StartsWith("pm_", StringComparison.Ordinal) ? pm : null;
            if (methodId is null)
            {
                return await RenderAsync("Enter your card or bank details.", StatusCodes.Status422UnprocessableEntity, cancellationToken);
            }
        }

        var customerRef = await pay.GatewayCustomerAsync(gateway, customer.CustomerId, cancellationToken);
        var setup = await gateway.CreateSetupAsync(new SetupRequest(customerRef, kind, "setup:" + token, methodId), cancellationToken);
        if (setup.Succeeded)
        {
            return await methods.ShowAsync("Your payment method was saved.", cancellationToken);
        }

        if (setup.Status == "requires_action" && setup.ClientSecret is not null && gateway.Kind == GatewayKind.Stripe)
        {
            var keys = settings.GetStripeKeys(await settings.GetAsync(cancellationToken));
            StripePageSecurity.AllowStripe(http.HttpContext!);
            var model = new Dictionary<string, object?>
            {
                ["action"] = new Dictionary<string, object?>
                {
                    ["type"] = "use_stripe_sdk",
                    ["sandbox"] = false,
                    ["client_secret"] = setup.ClientSecret,
                    ["receipt_url"] = SavedMethodsPages.Path,
                    ["publishable_key"] = keys?.PublishableKey,
                },
            };
            return await renderer.RenderPageAsync("PayAuthenticate", model, await payPages.OptionsAsync("Confirm your card", StatusCodes.Status200OK, cancellationToken), cancellationToken);
        }

        return await RenderAsync(setup.FailureMessage ?? "That payment method could not be saved. Please try another one.", StatusCodes.Status402PaymentRequired, cancellationToken);
    }

    private async Task<IResult> RenderAsync(string? error, int statusCode, CancellationToken cancellationToken)
    {
        var tokens = antiforgery.GetAndStoreTokens(http.HttpContext!);
        var gateway = await gateways.GetAsync(cancellationToken);
        var keys = gateway.Kind == GatewayKind.Stripe ? settings.GetStripeKeys(await settings.GetAsync(cancellationToken)) : null;
        if (gateway.Kind == GatewayKind.Stripe)
        {
            StripePageSecurity.AllowStripe(http.HttpContext!);
        }

        var model = new Dictionary<string, object?>
        {
            ["add"] = new Dictionary<string, object?>
            {
                ["action"] = Path,
                ["token"] = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
                ["antiforgery_field"] = tokens.FormFieldName,
                ["antiforgery_token"] = tokens.RequestToken,
                ["gateway"] = gateway.Kind == GatewayKind.Sandbox ? "sandbox" : "stripe",
                ["publishable_key"] = keys?.PublishableKey,
                ["error"] = error,
                ["methods_url"] = SavedMethodsPages.Path,
            },
        };
        return await renderer.RenderPageAsync("AddPaymentMethod", model, await payPages.OptionsAsync("Add a payment method", statusCode, cancellationToken), cancellationToken);
    }

    private static int Number(string? text) =>
        int.TryParse(text?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;

    private static int Year(string? text) => Number(text) is var year and > 0 and < 100 ? 2000 + year : Number(text);
}
