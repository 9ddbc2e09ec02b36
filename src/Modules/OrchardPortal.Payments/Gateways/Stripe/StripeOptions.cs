namespace OrchardPortal.Payments.Gateways.Stripe;

/// <summary>How the process talks to Stripe (configuration section <c>Payments:Stripe</c>); keys are per tenant, not here.</summary>
public sealed class StripeOptions
{
    public const string Section = "Payments:Stripe";

    /// <summary>Stripe's API origin; tests point it at the fake Stripe server.</summary>
    public Uri BaseUrl { get; set; } = new("https://api.stripe.com/");

    /// <summary>
    /// The API version every request pins with <c>Stripe-Version</c>, so a change of the account's default
    /// version in Stripe's dashboard cannot change the shapes this client reads.
    /// </summary>
    public string ApiVersion { get; set; } = "2024-06-20";

    /// <summary>Retries after the first try, for network errors, 409, 429 and 5xx (always with the same idempotency key).</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>First backoff delay; doubled on each retry, with jitter, capped at <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(8);

    /// <summary>One try's limit; a timed-out try is retried like a network error.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
