using OrchardPortal.Customers.Models;
using OrchardPortal.Customers.Services;

namespace OrchardPortal.Customers.ContactChanges;

/// <summary>The outcome of submitting or deciding a request; <see cref="Errors"/> keyed by field path ("" for the whole request).</summary>
public sealed record ContactChangeResult(long RequestId, IReadOnlyDictionary<string, string> Errors, bool NotFound = false, int EmailsQueued = 0)
{
    private static readonly IReadOnlyDictionary<string, string> None = new Dictionary<string, string>();

    public bool Succeeded => Errors.Count == 0 && !NotFound;

    public static ContactChangeResult Ok(long requestId, int emailsQueued = 0) => new(requestId, None, EmailsQueued: emailsQueued);

    public static ContactChangeResult Invalid(long requestId, IReadOnlyDictionary<string, string> errors) => new(requestId, errors);

    public static ContactChangeResult Invalid(long requestId, string message) => new(requestId, new Dictionary<string, string> { [""] = message });

    public static ContactChangeResult Missing(long requestId) => new(requestId, None, NotFound: true);
}

/// <summary>A pending request with what staff need to decide it: the customer as they are now and what was asked for.</summary>
public sealed record PendingContactChange(ContactChangeRequest Request, Customer Customer, ContactDetails Requested)
{
    public IReadOnlyList<ContactDiffRow> Diff => ContactDiff.Compare(CustomerDetails.From(Customer), Requested);
}
