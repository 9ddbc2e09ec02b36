namespace OrchardPortal.ServiceRequests.Models;

/// <summary>
/// A note from a customer about a property or a visit ("gate code changed", "dog in the yard Tuesday"),
/// and the office's answer. The customer's notes form a history on their record.
/// </summary>
public sealed class ServiceNote
{
    public long Id { get; set; }

    public long CustomerId { get; set; }

    public string CustomerName { get; set; } = "";

    public long? PropertyId { get; set; }

    public string? PropertyText { get; set; }

    /// <summary>The visit the note is about (Visits module), checked to be this customer's when sent.</summary>
    public long? VisitId { get; set; }

    public string? VisitText { get; set; }

    public required string Body { get; set; }

    public string SubmittedBy { get; set; } = "";

    /// <summary>Where the office's answer is emailed: the portal user who wrote it (or the customer's primary address).</summary>
    public string? SubmitterEmail { get; set; }

    public DateTimeOffset CreatedUtc { get; set; }

    /// <summary>The office's answer, shown to the customer; answering again replaces it.</summary>
    public string? Answer { get; set; }

    public string? AnsweredBy { get; set; }

    public DateTimeOffset? AnsweredUtc { get; set; }

    public bool IsAnswered => Answer is not null;
}
