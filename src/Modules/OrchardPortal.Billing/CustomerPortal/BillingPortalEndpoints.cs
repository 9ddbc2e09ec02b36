using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OrchardPortal.Core.Hosting;

namespace OrchardPortal.Billing.CustomerPortal;

/// <summary>
/// The customer's billing pages below the portal's tabs: one invoice, one estimate (and its decision),
/// and the statement of account with its PDF. Every one checks the tab rules and that the record is
/// the signed-in customer's own (anything else is the themed 404).
/// </summary>
public static class BillingPortalEndpoints
{
    public const string StatementPath = "/statement";

    public static void MapBillingPortal(this IEndpointRouteBuilder endpoints)
    {
        var tenantOnly = new SiteScopeAttribute(Site.Tenant);
        string[] read = [HttpMethods.Get, HttpMethods.Head];
        endpoints.MapMethods("/invoices/{id:long}", read, (BillingPortalPages pages, long id, CancellationToken cancellationToken) => pages.InvoiceAsync(id, cancellationToken))
            .WithMetadata(tenantOnly).AllowAnonymous();
        endpoints.MapMethods("/estimates/{id:long}", read, (BillingPortalPages pages, long id, CancellationToken cancellationToken) => pages.EstimateAsync(id, null, cancellationToken))
            .WithMetadata(tenantOnly).AllowAnonymous();
        // The antiforgery token is checked by the page itself, so a bad one is a themed message rather than a bare 400.
        endpoints.MapPost("/estimates/{id:long}", (BillingPortalPages pages, long id, CancellationToken cancellationToken) => pages.DecideAsync(id, cancellationToken))
            .WithMetadata(tenantOnly).AllowAnonymous().DisableAntiforgery();
        endpoints.MapMethods(StatementPath, read, (BillingPortalPages pages, string? from, string? to, CancellationToken cancellationToken) => pages.StatementAsync(from, to, pdf: false, cancellationToken))
            .WithMetadata(tenantOnly).AllowAnonymous();
        endpoints.MapMethods(StatementPath + ".pdf", read, (BillingPortalPages pages, string? from, string? to, CancellationToken cancellationToken) => pages.StatementAsync(from, to, pdf: true, cancellationToken))
            .WithMetadata(tenantOnly).AllowAnonymous();
    }
}
