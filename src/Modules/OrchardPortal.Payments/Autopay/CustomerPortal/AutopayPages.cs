using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OrchardPortal.Billing.Services;
using OrchardPortal.Core.Hosting;
using OrchardPortal.Core.Theming;
using OrchardPortal.Payments.Autopay.Enrollment;
using OrchardPortal.Payments.Gateways;
using OrchardPortal.Payments.PayInvoices;
using OrchardPortal.Payments.SavedMethods;
using OrchardPortal.Portal.CustomerPages;
using OrchardPortal.Portal.Models;
using OrchardPortal.Portal.Services;

namespace OrchardPortal.Payments.Autopay.CustomerPortal;

/// <summary>
/// <c>/pay/autopay</c>: the signed-in customer turns automatic payments on with one of their saved methods and
/// the ticked authorisation, changes the method, or turns them off. The page exists only when the tenant offers
/// autopay and this portal user may pay (otherwise the themed 404, as for any page they may not open).
/// </summary>
public sealed class AutopayPages(
    IThemeRenderer renderer,
    ICurrentPortalCustomer current,
    IPortalAccessPolicy policy,
    PortalPages portal,
    AutopayEnrollmentService enrollment,
    History.AutopayHistory history,
    BillingContext billing,
    PaymentGatewayResolver gateways,
    IAntiforgery antiforgery,
    IHttpContextAccessor http)
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var tenantOnly = new SiteScopeAttribute(Site.Tenant);
        endpoints.MapGet(AutopayPaths.Page, (AutopayPages pages, HttpRequest request, CancellationToken cancellationToken) => pages.ShowAsync(request, cancellationToken))
            .WithMetadata(tenantOnly).AllowAnonymous();
        // The POST checks antiforgery itself, so a stale form gets the page with a message rather than a bare 400.
        endpoints.MapPost(AutopayPaths.Page, (AutopayPages pages, HttpRequest request, CancellationToken cancellationToken) => pages.SubmitAsync(request, cancellationToken))
            .WithMetadata(tenantOnly).AllowAnonymous().DisableAntiforgery();
    }

    public async Task<IResult> ShowAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var (customer, denied) = await CustomerAsync(cancellationToken);
        return customer is null ? denied! : await RenderAsync(customer, new AutopayForm(null, null, null), StatusCodes.Status200OK, cancellationToken);
    }

    public async Task<IResult> SubmitAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var (customer, denied) = await CustomerAsync(cancellationToken);
        if (customer is null)
        {
            return denied!;
        }

        var form = await request.ReadFormAsync(cancellationToken);
        var methodId = form["method"].ToString();
        if (!await antiforgery.IsRequestValidAsync(request.HttpContext))
        {
            return await RenderAsync(customer, new AutopayForm(methodId, "form", "This form has expired. Please try again."), StatusCodes.Status400BadRequest, cancellationToken);
        }

        AutopayChange change;
        try
        {
            change = form["change"] == "off"
                ? await enrollment.DisableAsync(customer.CustomerId, "customer", cancellationToken)
                    ? AutopayChange.Done("Automatic payments are off. We won’t charge your saved method unless you pay yourself.")
                    : AutopayChange.Done("Automatic payments were already off.")
                : await enrollment.EnableAsync(customer, new AutopayRequest(
                    methodId, form["consent"] == "yes", request.HttpContext.Connection.RemoteIpAddress?.ToString(), request.Headers.UserAgent.ToString()), cancellationToken);
        }
        catch (PaymentGatewayException)
        {
            change = AutopayChange.Refused("form", "We couldn’t reach our payment processor to check your saved methods. Please try again in a few minutes.");
        }

        return change.Succeeded
            ? await RenderAsync(customer, new AutopayForm(null, null, null, change.Notice), StatusCodes.Status200OK, cancellationToken)
            : await RenderAsync(customer, new AutopayForm(methodId, change.ErrorField, change.Error), StatusCodes.Status422UnprocessableEntity, cancellationToken);
    }

    /// <summary>Signed in, the tenant offers autopay, and this user may pay (the same rule as the Pay page).</summary>
    private async Task<(PortalCustomer? Customer, IResult? Denied)> CustomerAsync(CancellationToken cancellationToken)
    {
        var customer = await current.GetAsync(cancellationToken);
        if (customer is null)
        {
            return (null, Results.Redirect("/sign-in?returnUrl=" + Uri.EscapeDataString(AutopayPaths.Page)));
        }

        var payments = await policy.CheckTabForAsync(customer, PortalTabs.Payments.Key, cancellationToken);
        var invoices = await policy.CheckTabForAsync(customer, PortalTabs.Invoices.Key, cancellationToken);
        if (!customer.CanPay || (payments != PortalAccessDecision.Allowed && invoices != PortalAccessDecision.Allowed)
            || !await enrollment.IsOfferedAsync(cancellationToken))
        {
            return (null, await portal.NotFoundAsync(cancellationToken));
        }

        return (customer, null);
    }

    private async Task<IResult> RenderAsync(PortalCustomer customer, AutopayForm form, int statusCode, CancellationToken cancellationToken)
    {
        var status = await enrollment.GetStatusAsync(customer.CustomerId, cancellationToken);
        IReadOnlyList<SavedPaymentMethod> methods = [];
        var unavailable = false;
        bool testMode;
        try
        {
            methods = await enrollment.MethodsAsync(customer.CustomerId, cancellationToken);
            testMode = (await gateways.GetAsync(cancellationToken)).IsTestMode;
        }
        catch (PaymentGatewayException)
        {
            (unavailable, testMode) = (true, false);
        }

        var culture = await billing.CultureAsync(cancellationToken);
        var zone = (await billing.ProfileAsync(cancellationToken)).TimeZone;
        var selected = form.MethodId ?? status.Enrollment?.MethodId ?? methods.FirstOrDefault(m => m.IsDefault)?.Id ?? (methods.Count > 0 ? methods[0].Id : null);
        var tokens = antiforgery.GetAndStoreTokens(http.HttpContext!);
        var model = new Dictionary<string, object?>
        {
            ["autopay"] = new Dictionary<string, object?>
            {
                ["enabled"] = status.Enabled,
                ["method_label"] = status.Enrollment?.MethodLabel,
                ["since"] = status.Consent is null ? null : TimeZoneInfo.ConvertTime(status.Consent.GivenUtc, zone).ToString("D", culture),
                ["methods"] = methods.Select(m => new Dictionary<string, object?>
                {
                    ["id"] = m.Id,
                    ["label"] = PaymentMethodLabels.Of(m.Summary),
                    ["expires"] = m.Summary.ExpMonth is { } month && m.Summary.ExpYear is { } year ? $"{month:00}/{year % 100:00}" : null,
                    ["selected"] = m.Id == selected,
                }).ToList(),
                ["methods_unavailable"] = unavailable,
                ["consent_text"] = await enrollment.ConsentTextAsync(cancellationToken),
                ["recent"] = await history.RecentAsync(customer.CustomerId, 5, cancellationToken),
                ["notice"] = form.Notice,
                ["errors"] = form.ErrorField is null ? new Dictionary<string, object?>() : new Dictionary<string, object?> { [form.ErrorField] = form.Error },
                ["action"] = AutopayPaths.Page,
                ["methods_url"] = SavedMethodsPages.Path,
                ["pay_url"] = Attempts.PayPaths.Pay,
                ["antiforgery_field"] = tokens.FormFieldName,
                ["antiforgery_token"] = tokens.RequestToken,
            },
        };
        var options = new ThemePageOptions { Title = "Automatic payments", StatusCode = statusCode, Banner = testMode ? PayPages.TestModeBanner : null };
        return await renderer.RenderPageAsync("Autopay", model, options, cancellationToken);
    }

    private sealed record AutopayForm(string? MethodId, string? ErrorField, string? Error, string? Notice = null);
}
