namespace OrchardPortal.Customers.Models;

public enum ContactChangeStatus
{
    Pending,
    Approved,
    Declined,
}

/// <summary>
/// A customer's request, made in the portal, to change their contact information. Staff approve it
/// (the change is applied) or decline it with a reason the customer sees.
/// </summary>
public sealed class ContactChangeRequest
{
    public long Id { get; set; }

    public long CustomerId { get; set; }

    /// <summary>The requested contact details (<see cref="Services.ContactDetails"/>) as JSON.</summary>
    public required string ChangesJson { get; set; }

    /// <summary>Who asked: the portal user's id once portal users exist.</summary>
    public string? RequestedBy { get; set; }

    public DateTimeOffset CreatedUtc { get; set; }

    public ContactChangeStatus Status { get; set; } = ContactChangeStatus.Pending;

    /// <summary>The staff member who decided, by name.</summary>
    public string? DecidedBy { get; set; }

    public DateTimeOffset? DecidedUtc { get; set; }

    public string? DeclineReason { get; set; }

    /// <summary>Guards against two staff members deciding the same request at once.</summary>
    public int Version { get; set; }
}
