using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace OrchardPortal.Payments.Gateways.Stripe;

/// <summary>
/// Our typed client for Stripe's REST API v1: form-encoded bodies, <c>Authorization: Bearer sk_…</c>, a pinned
/// <c>Stripe-Version</c>, an <c>Idempotency-Key</c> on every POST, and retries with backoff that reuse the
/// same key (so a retried charge is replayed by Stripe, never made twice). One instance serves every tenant;
/// each call carries the tenant's secret key.
/// </summary>
public sealed class StripeClient(HttpClient http, IOptions<StripeOptions> options, TimeProvider clock, ILogger<StripeClient> logger)
{
    private readonly StripeOptions _options = options.Value;

    /// <summary>GETs <paramref name="path"/> (e.g. <c>v1/payment_intents/pi_1</c>) with query parameters in Stripe's bracket syntax.</summary>
    public Task<JsonElement> GetAsync(string apiKey, string path, IEnumerable<KeyValuePair<string, object?>>? query, CancellationToken cancellationToken)
    {
        var url = path;
        if (query is not null)
        {
            var encoded = StripeFormEncoder.Encode(query);
            url = encoded.Length == 0 ? path : path + "?" + encoded;
        }

        return SendAsync(apiKey, HttpMethod.Get, url, body: null, idempotencyKey: null, cancellationToken);
    }

    /// <summary>
    /// POSTs form parameters. <paramref name="idempotencyKey"/> is required: derive it from our own record
    /// (an attempt id) so that a retry after a crash sends the very same key.
    /// </summary>
    public Task<JsonElement> PostAsync(string apiKey, string path, IEnumerable<KeyValuePair<string, object?>> parameters, string idempotencyKey, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(idempotencyKey);
        if (idempotencyKey.Length > 255)
        {
            throw new ArgumentException("Stripe idempotency keys are at most 255 characters.", nameof(idempotencyKey));
        }

        return SendAsync(apiKey, HttpMethod.Post, path, StripeFormEncoder.Encode(parameters), idempotencyKey, cancellationToken);
    }

    public Task<JsonElement> DeleteAsync(string apiKey, string path, CancellationToken cancellationToken) =>
        SendAsync(apiKey, HttpMethod.Delete, path, body: null, idempotencyKey: null, cancellationToken);

    private async Task<JsonElement> SendAsync(string apiKey, HttpMethod method, string path, string? body, string? idempotencyKey, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(apiKey);
        var uri = new Uri(_options.BaseUrl, path.TrimStart('/'));
        for (var attempt = 0; ; attempt++)
        {
            using var request = new HttpRequestMessage(method, uri);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
            request.Headers.TryAddWithoutValidation("Stripe-Version", _options.ApiVersion);
            if (idempotencyKey is not null)
            {
                request.Headers.TryAddWithoutValidation("Idempotency-Key", idempotencyKey);
            }

            if (body is not null)
            {
                request.Content = new StringContent(body, Encoding.UTF8, "application/x-www-form-urlencoded");
            }

            HttpResponseMessage? response = null;
            Exception? networkError = null;
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(_options.RequestTimeout);
            try
            {
                response = await http.SendAsync(request, timeout.Token);
            }
            catch (HttpRequestException exception)
            {
                networkError = exception;
            }
            catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested)
            {
                networkError = exception;
            }

            using (response)
            {
                if (response is not null)
                {
                    var text = await response.Content.ReadAsStringAsync(cancellationToken);
                    var status = (int)response.StatusCode;
                    if (response.IsSuccessStatusCode)
                    {
                        using var document = JsonDocument.Parse(text);
                        return document.RootElement.Clone();
                    }

                    var error = StripeError.Parse(text, status);
                    if (!ShouldRetry(response, status) || attempt >= _options.MaxRetries)
                    {
                        throw new StripeException(error);
                    }

                    logger.LogWarning("Stripe {Method} {Path} answered {Status} ({Type}/{Code}); retry {Attempt} with the same idempotency key.", method, path, status, error.Type, error.Code, attempt + 1);
                }
                else if (attempt >= _options.MaxRetries)
                {
                    throw new PaymentGatewayException("The payment service could not be reached.", "gateway_unavailable", networkError);
                }
                else
                {
                    logger.LogWarning(networkError, "Stripe {Method} {Path} failed on the network; retry {Attempt} with the same idempotency key.", method, path, attempt + 1);
                }
            }

            await Task.Delay(Backoff(attempt), clock, cancellationToken);
        }
    }

    /// <summary>
    /// Stripe's <c>Stripe-Should-Retry</c> header wins when present; otherwise 409 (a concurrent request with the
    /// same key, or a lock), 429 (rate limit) and 5xx are retried. Anything else (400, 401, 402 declines, 404)
    /// would fail the same way again.
    /// </summary>
    private static bool ShouldRetry(HttpResponseMessage response, int status)
    {
        if (response.Headers.TryGetValues("Stripe-Should-Retry", out var values))
        {
            var value = values.FirstOrDefault();
            if (bool.TryParse(value, out var should))
            {
                return should;
            }
        }

        return status is (int)HttpStatusCode.Conflict or (int)HttpStatusCode.TooManyRequests or >= 500;
    }

    private TimeSpan Backoff(int attempt)
    {
        var exponential = _options.RetryBaseDelay.TotalMilliseconds * Math.Pow(2, attempt);
        var capped = Math.Min(exponential, _options.MaxRetryDelay.TotalMilliseconds);
        // Half fixed, half random: clients that failed together do not retry together.
        var jittered = (capped / 2) + (Random.Shared.NextDouble() * capped / 2);
        return TimeSpan.FromMilliseconds(jittered);
    }
}
