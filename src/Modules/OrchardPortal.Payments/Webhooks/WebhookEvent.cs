namespace OrchardPortal.Payments.Webhooks;

/// <summary>A webhook event already handled: its id is the primary key, so a second delivery is recognised.</summary>
public sealed class WebhookEvent
{
    public required string EventId { get; set; }

    public required string Type { get; set; }

    /// <summary>The object the event was about (e.g. <c>pi_…</c>).</summary>
    public string? ObjectId { get; set; }

    public DateTimeOffset ReceivedUtc { get; set; }
}
