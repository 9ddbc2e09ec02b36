namespace OrchardPortal.Core.Email;

/// <summary>One email in a tenant's outbox table, from enqueue to delivery (or giving up).</summary>
public sealed class OutboxMessage
{
    public Guid Id { get; set; }

    public required string To { get; set; }

    public string? ToName { get; set; }

    public string? ReplyTo { get; set; }

    public required string Subject { get; set; }

    public required string HtmlBody { get; set; }

    public required string TextBody { get; set; }

    public DateTimeOffset CreatedUtc { get; set; }

    public OutboxState State { get; set; }

    /// <summary>Delivery attempts started so far (counted when a dispatcher claims the message).</summary>
    public int Attempts { get; set; }

    /// <summary>When a Pending message may be tried (again).</summary>
    public DateTimeOffset NextAttemptUtc { get; set; }

    /// <summary>While Sending: when the claim lapses and another dispatcher may retry (a crash mid-send).</summary>
    public DateTimeOffset? ClaimedUntil { get; set; }

    /// <summary>Identifies the claim, so only the dispatcher holding it records the outcome.</summary>
    public Guid? ClaimToken { get; set; }

    public DateTimeOffset? SentUtc { get; set; }

    /// <summary>Why the latest failed attempt failed; kept after a later success, as history.</summary>
    public string? LastError { get; set; }

    internal OutboundEmail ToOutboundEmail() => new()
    {
        To = To,
        ToName = ToName,
        ReplyTo = ReplyTo,
        Subject = Subject,
        HtmlBody = HtmlBody,
        TextBody = TextBody,
    };
}

public enum OutboxState
{
    /// <summary>Waiting for its first or next attempt (see <see cref="OutboxMessage.NextAttemptUtc"/>).</summary>
    Pending = 0,

    /// <summary>Claimed by a dispatcher that is handing it to the mail server right now.</summary>
    Sending = 1,

    /// <summary>Accepted by the mail server (or written to the pickup folder).</summary>
    Sent = 2,

    /// <summary>Given up: a permanent rejection, or every retry failed. Kept with its last error.</summary>
    Failed = 3,
}
