using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OrchardPortal.Core.Hosting;
using OrchardPortal.Core.Theming;
using OrchardPortal.Payments.Autopay.Enrollment;
using OrchardPortal.Payments.Gateways;
using OrchardPortal.Payments.PayInvoices;
using OrchardPortal.Portal.CustomerPages;
using OrchardPortal.Portal.Models;
using OrchardPortal.Portal.Services;

namespace OrchardPortal.Payments.SavedMethods;

/// <summary>
/// <c>/pay/methods</c>: the signed-in customer's saved payment methods, with "Make default" and "Remove".
/// Method ids come from a form, so every change is checked against this customer's own methods at the gateway.
/// </summary>
public sealed class SavedMethodsPages(
    IThemeRenderer renderer,
    ICurrentPortalCustomer current,
    PortalPages portal,
    PayService pay,
    PaymentGatewayResolver gateways,
    AutopayEnrollmentService autopay,
    IAntiforgery antiforgery,
    IHttpContextAccessor http)
{
    public const string Path = "/pay/methods";

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var tenantOnly = new SiteScopeAttribute(Site.Tenant);
        endpoints.MapGet(Path, (SavedMethodsPages pages, CancellationToken cancellationToken) => pages.ShowAsync(null, cancellationToken))
            .WithMetadata(tenantOnly).AllowAnonymous();
        endpoints.MapPost(Path, (SavedMethodsPages pages, HttpRequest request, CancellationToken cancellationToken) => pages.ChangeAsync(request, cancellationToken))
            .WithMetadata(tenantOnly).AllowAnonymous().DisableAntiforgery();
    }

    public Task<IResult> ShowAsync(string? notice, CancellationToken cancellationToken) => RenderAsync(notice, null, cancellationToken);

    private async Task<IResult> RenderAsync(string? notice, string? error, CancellationToken cancellationToken)
    {
        var customer = await PayerAsync(cancellationToken);
        if (customer is null)
        {
            return Results.Redirect("/sign-in?returnUrl=" + Uri.EscapeDataString(Path));
        }

        if (!customer.CanPay)
        {
            return await portal.NotFoundAsync(cancellationToken);
        }

        var gateway = await gateways.GetAsync(cancellationToken);
        var methods = await gateway.ListMethodsAsync(await pay.GatewayCustomerAsync(gateway, customer.CustomerId, cancellationToken), cancellationToken);
        var tokens = antiforgery.GetAndStoreTokens(http.HttpContext!);
        var model = new Dictionary<string, object?>
        {
            ["methods"] = new Dictionary<string, object?>
            {
                ["items"] = methods.Select(m => new Dictionary<string, object?>
                {
                    ["id"] = m.Id,
                    ["label"] = PaymentMethodLabels.Of(m.Summary),
                    ["expires"] = m.Summary.ExpMonth is { } month && m.Summary.ExpYear is { } year ? $"{month:00}/{year % 100:00}" : null,
                    ["is_default"] = m.IsDefault,
                }).ToList(),
                ["notice"] = notice,
                ["error"] = error,
                ["action"] = Path,
                ["antiforgery_field"] = tokens.FormFieldName,
                ["antiforgery_token"] = tokens.RequestToken,
            },
        };
        var options = new ThemePageOptions
        {
            Title = "Saved payment methods",
            Banner = gateway.IsTestMode ? PayPages.TestModeBanner : null,
            StatusCode = error is null ? StatusCodes.Status200OK : StatusCodes.Status409Conflict,
        };
        return await renderer.RenderPageAsync("PaymentMethods", model, options, cancellationToken);
    }

    public async Task<IResult> ChangeAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var customer = await PayerAsync(cancellationToken);
        if (customer is null)
        {
            return Results.Redirect("/sign-in?returnUrl=" + Uri.EscapeDataString(Path));
        }

        var form = await request.ReadFormAsync(cancellationToken);
        if (!customer.CanPay || !await antiforgery.IsRequestValidAsync(request.HttpContext))
        {
            return await portal.NotFoundAsync(cancellationToken);
        }

        var gateway = await gateways.GetAsync(cancellationToken);
        var customerRef = await pay.GatewayCustomerAsync(gateway, customer.CustomerId, cancellationToken);
        var methodId = form["method"].ToString();
        var mine = (await gateway.ListMethodsAsync(customerRef, cancellationToken)).FirstOrDefault(m => m.Id == methodId);
        if (mine is null)
        {
            return await portal.NotFoundAsync(cancellationToken);
        }

        string notice;
        if (form["change"] == "remove" && await autopay.RemovalRefusalAsync(customer.CustomerId, mine.Id, cancellationToken) is { } refusal)
        {
            // The method autopay charges stays until the customer turns autopay off or moves it (see docs/payments.md).
            return await RenderAsync(null, refusal, cancellationToken);
        }

        if (form["change"] == "remove")
        {
            await gateway.RemoveMethodAsync(customerRef, mine.Id, cancellationToken);
            notice = $"{PaymentMethodLabels.Of(mine.Summary)} was removed.";
        }
        else
        {
            await gateway.SetDefaultMethodAsync(customerRef, mine.Id, cancellationToken);
            notice = $"{PaymentMethodLabels.Of(mine.Summary)} is now your default payment method.";
        }

        return await ShowAsync(notice, cancellationToken);
    }

    private Task<PortalCustomer?> PayerAsync(CancellationToken cancellationToken) => current.GetAsync(cancellationToken);
}
