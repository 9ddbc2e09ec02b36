using OrchardPortal.ServiceRequests.Models;

namespace OrchardPortal.ServiceRequests.Requests;

/// <summary>
/// What the portal's Request service form posts, as typed: the customer is the signed-in one (never from
/// the form), everything else is validated by <see cref="ServiceRequestSubmission"/>.
/// </summary>
/// <remarks><c>Service</c> is a catalogue id, or <see cref="SomethingElse"/>.</remarks>
public sealed record NewServiceRequest(
    long CustomerId,
    string SubmittedBy,
    string? SubmitterEmail,
    string? Service,
    string? Description,
    string? PropertyId,
    string? PreferredFrom,
    string? PreferredTo,
    string? PreferredTime,
    string? Notes,
    IReadOnlyList<UploadedPhoto> Photos)
{
    public const string SomethingElse = "other";
}

/// <summary>One attached file as it arrived (name from the browser, bytes not yet checked).</summary>
public sealed record UploadedPhoto(string? FileName, long Length, Func<Stream> Open);

/// <summary>The request's id, or messages keyed by form field ("" for the whole form); nothing was stored when there are messages.</summary>
public sealed record ServiceRequestResult(long Id, IReadOnlyDictionary<string, string> Errors, bool TooLarge = false, bool NotFound = false)
{
    private static readonly Dictionary<string, string> None = [];

    public bool Succeeded => Errors.Count == 0 && !NotFound;

    public string? Message => Errors.TryGetValue("", out var message) ? message : Errors.Values.FirstOrDefault();

    public static ServiceRequestResult Ok(long id) => new(id, None);

    public static ServiceRequestResult Invalid(IReadOnlyDictionary<string, string> errors, bool tooLarge = false) => new(0, errors, tooLarge);

    public static ServiceRequestResult Refused(string message, long id = 0) => new(id, new Dictionary<string, string> { [""] = message });

    public static ServiceRequestResult Missing(long id) => new(id, None, NotFound: true);
}

/// <summary>
/// A staff member moves a request to a status, with an optional message the customer sees.
/// <c>ExpectedVersion</c> is the version the staff member saw; a stale one changes nothing.
/// </summary>
public sealed record StatusChange(long RequestId, ServiceRequestStatus Status, string? Message, string StaffName, int ExpectedVersion);
