using OrchardPortal.Customers.Models;

namespace OrchardPortal.Customers.Services;

/// <summary>The outcome of a change: the customer's id, or why nothing was saved (messages keyed by field path).</summary>
public sealed record CustomerResult(long CustomerId, IReadOnlyDictionary<string, string> Errors, bool NotFound = false)
{
    public const string ConcurrencyMessage =
        "Someone else changed this customer while you were editing. Reload the page to see their changes, then make yours again.";

    private static readonly IReadOnlyDictionary<string, string> None = new Dictionary<string, string>();

    public bool Succeeded => Errors.Count == 0 && !NotFound;

    public static CustomerResult Ok(long customerId) => new(customerId, None);

    public static CustomerResult Invalid(IReadOnlyDictionary<string, string> errors, long customerId = 0) => new(customerId, errors);

    public static CustomerResult Missing(long customerId) => new(customerId, None, NotFound: true);
}

/// <summary>Changes to the flags other modules keep on a customer for list filters; null leaves a flag as it is.</summary>
public sealed record CustomerPortalFlags(bool? HasPortalAccount = null, bool? AutopayEnabled = null, DateTimeOffset? LastPortalSignInUtc = null);

/// <summary>One row of a bulk import.</summary>
public sealed record CustomerImport(CustomerDetails Details, CustomerStatus Status = CustomerStatus.Active);

/// <param name="Row">1-based position in the imported sequence.</param>
/// <param name="Field">Field path as in <see cref="CustomerValidator"/>, e.g. <c>Emails[0].Address</c>.</param>
/// <param name="Message">What is wrong, in words staff can act on.</param>
public sealed record CustomerImportError(int Row, string Field, string Message);

/// <summary>An import is all or nothing: either every row was created, or none was and <see cref="Errors"/> says why.</summary>
public sealed record CustomerImportResult(int Created, IReadOnlyList<CustomerImportError> Errors)
{
    public bool Succeeded => Errors.Count == 0;
}
