namespace OrchardPortal.FakeStripe.State;

/// <summary>
/// What a state change needs to know about its cause: the clock, and the API request (if any)
/// that the resulting Events name in their <c>request</c> member.
/// </summary>
public sealed record OperationContext(StripeClock Clock, string ApiVersion, string BaseUrl, string? RequestId, string? IdempotencyKey)
{
    public long Now => Clock.UnixNow;

    /// <summary>The same context for changes that happen without an API request (ACH settling, a test's control call).</summary>
    public OperationContext WithoutRequest() => this with { RequestId = null, IdempotencyKey = null };
}
