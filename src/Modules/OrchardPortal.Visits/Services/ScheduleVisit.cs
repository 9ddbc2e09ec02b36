namespace OrchardPortal.Visits.Services;

/// <summary>
/// What staff (or another module, e.g. turning a service request into a visit) ask to schedule: for
/// which customer and property, what service, and the arrival window in UTC.
/// </summary>
/// <param name="CustomerId">The customer the visit is for.</param>
/// <param name="PropertyId">One of the customer's service addresses, or null.</param>
/// <param name="ServiceName">What the crew will do, e.g. "Spring clean-up".</param>
/// <param name="WindowStartUtc">Start of the arrival window.</param>
/// <param name="WindowEndUtc">End of the arrival window (after the start, same visit at most 24 hours).</param>
/// <param name="CrewNotes">For staff and crew only.</param>
/// <param name="CustomerNotes">Shown to the customer in the portal.</param>
/// <param name="SourceServiceRequestId">The service request this visit answers, if any.</param>
public sealed record ScheduleVisit(
    long CustomerId,
    long? PropertyId,
    string? ServiceName,
    DateTimeOffset? WindowStartUtc,
    DateTimeOffset? WindowEndUtc,
    string? CrewNotes = null,
    string? CustomerNotes = null,
    long? SourceServiceRequestId = null);

/// <summary>The visit's id, or what is wrong (keyed by <see cref="ScheduleVisit"/> property name; "" for the whole form).</summary>
public sealed record VisitResult(long? VisitId, IReadOnlyDictionary<string, string> Errors)
{
    public bool Succeeded => Errors.Count == 0 && VisitId is not null;

    public bool NotFound { get; init; }

    public static VisitResult Ok(long id) => new(id, new Dictionary<string, string>());

    public static VisitResult Invalid(IReadOnlyDictionary<string, string> errors, long? id = null) => new(id, errors);

    public static VisitResult Invalid(string message, long? id = null) => new(id, new Dictionary<string, string> { [""] = message });

    public static VisitResult Missing(long id) => new(null, new Dictionary<string, string> { [""] = $"There is no visit {id}." }) { NotFound = true };
}
