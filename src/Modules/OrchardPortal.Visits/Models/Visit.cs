namespace OrchardPortal.Visits.Models;

/// <summary>
/// A scheduled service at a customer's property: when the crew is expected (a window in UTC), what they
/// do, and what happened. Other modules read visits through <see cref="Services.VisitService"/>.
/// </summary>
public sealed class Visit
{
    public long Id { get; set; }

    public long CustomerId { get; set; }

    /// <summary>The customer's service address (Customers module id), or null when none was chosen.</summary>
    public long? PropertyId { get; set; }

    /// <summary>The address as it read when the visit was scheduled: the calendar's LOCATION and the portal's line.</summary>
    public string? Location { get; set; }

    public required string ServiceName { get; set; }

    /// <summary>Start of the arrival window, UTC.</summary>
    public DateTimeOffset WindowStartUtc { get; set; }

    /// <summary>End of the arrival window, UTC.</summary>
    public DateTimeOffset WindowEndUtc { get; set; }

    /// <summary>For staff and crew only ("gate code 1234", "dog in yard"); never shown in the portal.</summary>
    public string? CrewNotes { get; set; }

    /// <summary>What the customer sees about this visit.</summary>
    public string? CustomerNotes { get; set; }

    public VisitStatus Status { get; set; } = VisitStatus.Scheduled;

    /// <summary>The message staff gave when marking the visit delayed (shown to the customer while delayed).</summary>
    public string? DelayMessage { get; set; }

    public DateTimeOffset? StartedUtc { get; set; }

    public DateTimeOffset? CompletedUtc { get; set; }

    /// <summary>The service request this visit was scheduled from, when there was one.</summary>
    public long? SourceServiceRequestId { get; set; }

    public DateTimeOffset CreatedUtc { get; set; }

    public DateTimeOffset UpdatedUtc { get; set; }

    /// <summary>Bumped on every change: two people acting on the same visit at once can't both win.</summary>
    public int Version { get; set; }

    /// <summary>Still ahead: the crew has not started, finished, skipped or cancelled it.</summary>
    public bool IsUpcoming => Status is VisitStatus.Scheduled or VisitStatus.Delayed;
}

/// <summary>Where a visit stands. Stored by name.</summary>
public enum VisitStatus
{
    Scheduled,
    Delayed,
    InProgress,
    Completed,
    Skipped,
    Cancelled,
}
