using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OrchardPortal.Core.Hosting;
using OrchardPortal.Payments.Gateways;

namespace OrchardPortal.Payments.Webhooks;

/// <summary><c>POST /payments/stripe/webhook</c> on each tenant's host: where the tenant points Stripe's webhook.</summary>
public static class StripeWebhookEndpoint
{
    public const string Path = "/payments/stripe/webhook";

    /// <summary>Stripe's events are small; anything bigger is not from Stripe.</summary>
    private const int MaxBodyBytes = 512 * 1024;

    public static void MapStripeWebhook(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost(Path, HandleAsync)
            .WithMetadata(new SiteScopeAttribute(Site.Tenant))
            .AllowAnonymous()
            // Stripe signs its requests; it cannot carry our antiforgery token.
            .DisableAntiforgery();

    private static async Task<IResult> HandleAsync(HttpRequest request, StripeWebhookProcessor processor, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            return Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "The event is too large.");
        }

        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken);
        if (buffer.Length > MaxBodyBytes)
        {
            return Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "The event is too large.");
        }

        StripeWebhookProcessor.Outcome outcome;
        try
        {
            outcome = await processor.HandleAsync(buffer.ToArray(), request.Headers["Stripe-Signature"].ToString(), cancellationToken);
        }
        catch (PaymentGatewayException exception)
        {
            // Stripe could not be asked for the payment's status: answer 503 so it delivers the event again later.
            return Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "The payment could not be checked with Stripe; try again later.", detail: exception.Code);
        }
        catch (Gateways.Stripe.StripeException exception)
        {
            return Results.Problem(statusCode: StatusCodes.Status502BadGateway, title: "Stripe refused to show the payment this event is about.", detail: exception.Error.Code);
        }

        return outcome switch
        {
            StripeWebhookProcessor.Outcome.BadSignature => Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The Stripe-Signature header is missing, stale or does not match this endpoint's signing secret."),
            StripeWebhookProcessor.Outcome.NotConfigured => Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "This portal has no Stripe webhook signing secret; add it in Payments settings."),
            StripeWebhookProcessor.Outcome.Malformed => Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The event is not valid JSON with an id and a type."),
            _ => Results.Ok(new { received = true, outcome = outcome.ToString().ToLowerInvariant() }),
        };
    }
}
