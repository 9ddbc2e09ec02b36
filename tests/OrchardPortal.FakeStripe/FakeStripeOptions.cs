namespace OrchardPortal.FakeStripe;

/// <summary>Settings for a <see cref="FakeStripeServer"/>; the defaults suit tests.</summary>
public sealed class FakeStripeOptions
{
    /// <summary>The API version whose shapes the fake follows; Events carry it as <c>api_version</c>.</summary>
    public string ApiVersion { get; init; } = FakeStripeServer.DefaultApiVersion;

    /// <summary>The base of the fake clock (objects' <c>created</c>, ACH settlement, idempotency key expiry).</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>
    /// The clock for webhook signature timestamps. Real time by default, even after the fake
    /// clock was advanced, because the application checks the 300 s tolerance against its own clock.
    /// </summary>
    public TimeProvider SignatureTime { get; init; } = TimeProvider.System;

    /// <summary>Waits between attempts of a failed webhook delivery (Stripe retries for days; tests cannot).</summary>
    public IReadOnlyList<TimeSpan> WebhookRetryDelays { get; init; } =
        [TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(3)];

    /// <summary>How long one webhook POST may take before it counts as failed.</summary>
    public TimeSpan WebhookTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long an injected hang lasts before the connection is dropped (if the client has not given up first).</summary>
    public TimeSpan HangTimeout { get; init; } = TimeSpan.FromSeconds(100);
}
