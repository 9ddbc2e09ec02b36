namespace OrchardPortal.Visits.Models;

/// <summary>
/// A customer's request, made in the portal, to move or skip an upcoming visit. Staff approve it (a
/// reschedule gets the new window staff pick; a skip marks the visit skipped) or decline it with a reason.
/// </summary>
public sealed class VisitChangeRequest
{
    public long Id { get; set; }

    public long VisitId { get; set; }

    public long CustomerId { get; set; }

    public VisitChangeKind Kind { get; set; }

    /// <summary>The customer's preferred dates or times, as they wrote them (reschedule only).</summary>
    public string? PreferredDates { get; set; }

    public string? Notes { get; set; }

    /// <summary>The portal user who asked, by name.</summary>
    public required string RequestedBy { get; set; }

    /// <summary>Where the decision is emailed: the portal user who asked (the customer's primary address when unknown).</summary>
    public string? RequestedByEmail { get; set; }

    public DateTimeOffset CreatedUtc { get; set; }

    public VisitChangeStatus Status { get; set; } = VisitChangeStatus.Pending;

    public string? DecidedBy { get; set; }

    public DateTimeOffset? DecidedUtc { get; set; }

    public string? DeclineReason { get; set; }

    /// <summary>Guards against two staff members deciding the same request at once.</summary>
    public int Version { get; set; }
}

public enum VisitChangeKind
{
    Reschedule,
    Skip,
}

public enum VisitChangeStatus
{
    Pending,
    Approved,
    Declined,
}
