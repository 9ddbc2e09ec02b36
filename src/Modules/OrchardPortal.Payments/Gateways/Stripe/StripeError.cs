using System.Text.Json;
using System.Text.Json.Serialization;

namespace OrchardPortal.Payments.Gateways.Stripe;

/// <summary>Stripe's error object (<c>{"error": {...}}</c>) with the HTTP status it came with.</summary>
public sealed record StripeError
{
    /// <summary><c>card_error</c>, <c>invalid_request_error</c>, <c>api_error</c>, <c>idempotency_error</c>, …</summary>
    [JsonPropertyName("type")]
    public string? Type { get; init; }

    /// <summary>e.g. <c>card_declined</c>, <c>expired_card</c>, <c>authentication_required</c>, <c>resource_missing</c>.</summary>
    [JsonPropertyName("code")]
    public string? Code { get; init; }

    /// <summary>For declines: the issuer's reason, e.g. <c>insufficient_funds</c>, <c>lost_card</c>.</summary>
    [JsonPropertyName("decline_code")]
    public string? DeclineCode { get; init; }

    /// <summary>Stripe's own text: for logs and staff, never shown to customers as is.</summary>
    [JsonPropertyName("message")]
    public string? Message { get; init; }

    [JsonPropertyName("param")]
    public string? Param { get; init; }

    /// <summary>The PaymentIntent the error is about (card errors on confirm carry it, with its id and status).</summary>
    [JsonPropertyName("payment_intent")]
    public JsonElement? PaymentIntent { get; init; }

    [JsonIgnore]
    public int HttpStatus { get; init; }

    /// <summary>Parses an error body; a body that is not Stripe's shape still yields an error with the status.</summary>
    public static StripeError Parse(string body, int httpStatus)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("error", out var error))
            {
                var parsed = error.Deserialize<StripeError>() ?? new StripeError();
                return parsed with { HttpStatus = httpStatus, PaymentIntent = parsed.PaymentIntent?.Clone() };
            }
        }
        catch (JsonException)
        {
        }

        return new StripeError { Type = "api_error", HttpStatus = httpStatus, Message = $"HTTP {httpStatus}" };
    }
}

/// <summary>A Stripe call answered with an error that retrying will not fix.</summary>
public sealed class StripeException(StripeError error)
    : Exception($"Stripe {error.HttpStatus} {error.Type}/{error.Code ?? "-"}{(error.DeclineCode is null ? "" : "/" + error.DeclineCode)}: {error.Message}")
{
    public StripeError Error { get; } = error;
}
