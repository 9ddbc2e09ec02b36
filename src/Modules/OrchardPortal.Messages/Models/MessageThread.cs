namespace OrchardPortal.Messages.Models;

/// <summary>
/// One conversation between the office and a customer: general, or about one of the customer's
/// invoices, estimates, visits or service requests. Read state is kept per side as the id of the last
/// message that side has seen (ids only grow, and they compare the same way on SQLite and PostgreSQL,
/// which times stored as text do not).
/// </summary>
public sealed class MessageThread
{
    public long Id { get; set; }

    /// <summary>The Customers module's id of the customer the conversation is with.</summary>
    public long CustomerId { get; set; }

    public MessageSubjectKind SubjectKind { get; set; }

    /// <summary>The invoice, estimate, visit or service request id; null for a general conversation.</summary>
    public long? SubjectId { get; set; }

    public required string Title { get; set; }

    /// <summary>Who started it.</summary>
    public MessageAuthorKind StartedBy { get; set; }

    public DateTimeOffset CreatedUtc { get; set; }

    public DateTimeOffset LastMessageUtc { get; set; }

    /// <summary>The newest message's id: threads sort by it, and reading a thread marks up to it.</summary>
    public long LastMessageId { get; set; }

    /// <summary>Messages from the office with a larger id are unread for the customer.</summary>
    public long CustomerReadUpTo { get; set; }

    /// <summary>Messages from the customer with a larger id are unread for the office.</summary>
    public long StaffReadUpTo { get; set; }

    /// <summary>When staff closed it; null while open. A new message reopens it.</summary>
    public DateTimeOffset? ClosedUtc { get; set; }

    public bool IsClosed => ClosedUtc is not null;
}

/// <summary>What a conversation is about. Stored by name, so the order may change.</summary>
public enum MessageSubjectKind
{
    General,
    Invoice,
    Estimate,
    Visit,
    ServiceRequest,
}

/// <summary>Which side wrote a message.</summary>
public enum MessageAuthorKind
{
    Customer,
    Staff,
}
