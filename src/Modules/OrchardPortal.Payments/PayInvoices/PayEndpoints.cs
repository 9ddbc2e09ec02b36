using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OrchardPortal.Core.Hosting;
using OrchardPortal.Payments.Attempts;

namespace OrchardPortal.Payments.PayInvoices;

/// <summary>
/// The customer's payment pages on every tenant: the Pay form (<c>/pay</c>), its submission, the Sandbox's
/// "Complete authentication" step and the receipt. The POSTs check the antiforgery token themselves, so a
/// stale form gets the themed page with a message rather than a bare 400.
/// </summary>
public static class PayEndpoints
{
    public static void MapPay(this IEndpointRouteBuilder endpoints)
    {
        var tenantOnly = new SiteScopeAttribute(Site.Tenant);
        endpoints.MapGet(PayPaths.Pay, (PayPages pages, HttpRequest request, CancellationToken cancellationToken) => pages.ShowAsync(request, cancellationToken))
            .WithMetadata(tenantOnly).AllowAnonymous();
        endpoints.MapPost(PayPaths.Pay, (PayPages pages, HttpRequest request, CancellationToken cancellationToken) => pages.SubmitAsync(request, cancellationToken))
            .WithMetadata(tenantOnly).AllowAnonymous().DisableAntiforgery();
        endpoints.MapPost("/pay/authenticate/{attemptId}", (PayPages pages, string attemptId, HttpRequest request, CancellationToken cancellationToken) => pages.AuthenticateAsync(attemptId, request, cancellationToken))
            .WithMetadata(tenantOnly).AllowAnonymous().DisableAntiforgery();
        endpoints.MapPost("/pay/verify/{attemptId}", (PayPages pages, string attemptId, HttpRequest request, CancellationToken cancellationToken) => pages.VerifyAsync(attemptId, request, cancellationToken))
            .WithMetadata(tenantOnly).AllowAnonymous().DisableAntiforgery();
        endpoints.MapGet("/pay/receipt/{attemptId}", (PayPages pages, string attemptId, CancellationToken cancellationToken) => pages.ReceiptAsync(attemptId, cancellationToken))
            .WithMetadata(tenantOnly).AllowAnonymous();
    }
}
