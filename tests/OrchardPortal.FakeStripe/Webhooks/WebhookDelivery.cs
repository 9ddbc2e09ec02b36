using OrchardPortal.FakeStripe.State;

namespace OrchardPortal.FakeStripe.Webhooks;

/// <summary>One event on its way to one endpoint.</summary>
public sealed record WebhookDelivery(EventRecord Event, string EndpointId, string Url, string Secret);

/// <summary>One POST of an event to an endpoint, as the application answered it.</summary>
public sealed record WebhookAttempt(
    string EventId,
    string EventType,
    string EndpointId,
    int Attempt,
    int? StatusCode,
    string? Error,
    DateTimeOffset At)
{
    public bool Succeeded => StatusCode is >= 200 and < 300;
}

public enum ReorderMode
{
    /// <summary>Each window of events is delivered last-first.</summary>
    Reverse,

    /// <summary>Each window is delivered in a random (seeded, repeatable) order.</summary>
    Shuffle,
}
