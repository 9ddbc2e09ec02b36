using Microsoft.AspNetCore.Http;
using OrchardPortal.Core.Theming;

namespace OrchardPortal.Payments.PayInvoices;

/// <summary>
/// Theme pages carry a Content-Security-Policy that allows no third-party script (<see cref="ThemedPageResult"/>).
/// The pages that mount Stripe's Payment Element or run its next action need Stripe.js, its frames and its API, as
/// Stripe documents for CSP; only those pages, and only when the tenant's gateway is Stripe, get them added.
/// </summary>
public static class StripePageSecurity
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self' https://js.stripe.com; style-src 'self' 'unsafe-inline'; img-src 'self' data: https:; media-src 'self' https:; "
        + "connect-src 'self' https://api.stripe.com; "
        + "frame-src https://js.stripe.com https://hooks.stripe.com https://www.youtube.com https://www.youtube-nocookie.com https://player.vimeo.com; "
        + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'";

    /// <summary>Replaces the theme's policy on this response just before its headers go out (the themed result sets its own first).</summary>
    public static void AllowStripe(HttpContext context) =>
        context.Response.OnStarting(() =>
        {
            context.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
            return Task.CompletedTask;
        });
}
