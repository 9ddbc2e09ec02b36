using System.Net.Http.Headers;

namespace OrchardPortal.FakeStripe.Webhooks;

/// <summary>POSTs a signed event to an endpoint once; shared by every account's dispatcher.</summary>
public sealed class WebhookSender : IDisposable
{
    private readonly HttpClient _client;
    private readonly TimeProvider _signatureTime;

    public WebhookSender(TimeProvider signatureTime, TimeSpan timeout)
    {
        _signatureTime = signatureTime;
        _client = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }) { Timeout = timeout };
    }

    public async Task<WebhookAttempt> SendAsync(WebhookDelivery delivery, int attempt, CancellationToken cancellationToken)
    {
        var payload = delivery.Event.Json;
        using var request = new HttpRequestMessage(HttpMethod.Post, delivery.Url);
        request.Content = new ByteArrayContent(payload);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.TryAddWithoutValidation("Stripe-Signature",
            StripeSignature.Header(delivery.Secret, _signatureTime.GetUtcNow().ToUnixTimeSeconds(), payload));
        request.Headers.TryAddWithoutValidation("User-Agent", "Stripe/1.0 (+https://stripe.com/docs/webhooks)");
        try
        {
            using var response = await _client.SendAsync(request, cancellationToken);
            return Attempt(delivery, attempt, (int)response.StatusCode, null);
        }
        catch (HttpRequestException exception)
        {
            return Attempt(delivery, attempt, null, exception.Message);
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Attempt(delivery, attempt, null, "Timed out");
        }
    }

    public void Dispose() => _client.Dispose();

    private WebhookAttempt Attempt(WebhookDelivery delivery, int attempt, int? status, string? error) =>
        new(delivery.Event.Id, delivery.Event.Type, delivery.EndpointId, attempt, status, error, _signatureTime.GetUtcNow());
}
