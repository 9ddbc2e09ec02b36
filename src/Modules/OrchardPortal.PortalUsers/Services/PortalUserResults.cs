using OrchardPortal.Customers.Models;
using OrchardPortal.Customers.Services;
using OrchardPortal.PortalUsers.Models;

namespace OrchardPortal.PortalUsers.Services;

/// <summary>The outcome of a change to a portal user: its id, or why nothing was saved (messages keyed by field: <c>Email</c>, <c>Name</c>, <c>Tabs</c>, or "" for the whole form).</summary>
public sealed record PortalUserResult(long UserId, IReadOnlyDictionary<string, string> Errors, bool NotFound = false)
{
    private static readonly IReadOnlyDictionary<string, string> None = new Dictionary<string, string>();

    public bool Succeeded => Errors.Count == 0 && !NotFound;

    public static PortalUserResult Ok(long userId) => new(userId, None);

    public static PortalUserResult Invalid(IReadOnlyDictionary<string, string> errors, long userId = 0) => new(userId, errors);

    public static PortalUserResult Invalid(string field, string message, long userId = 0) => new(userId, new Dictionary<string, string> { [field] = message });

    public static PortalUserResult Missing(long userId) => new(userId, None, NotFound: true);
}

/// <summary>A search of "Manage portal users": customers with an account (or, with <see cref="WithoutAccount"/>, those without one).</summary>
public sealed record PortalUserQuery
{
    public const int DefaultPageSize = 50;

    /// <summary>Words matched like the customer list's search (name, account number, emails, phones, streets).</summary>
    public string? Text { get; init; }

    /// <summary>"Show customers without an account": customers who have no portal user at all.</summary>
    public bool WithoutAccount { get; init; }

    /// <summary>Only active customers (or only inactive ones); null for both.</summary>
    public CustomerStatus? Status { get; init; }

    public CustomerSort Sort { get; init; } = CustomerSort.Name;

    public bool Descending { get; init; }

    /// <summary>1-based; a page past the end shows the last page.</summary>
    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = DefaultPageSize;
}

/// <summary>One page of "Manage portal users": one row per customer, with that customer's portal users.</summary>
public sealed record PortalUserPage(IReadOnlyList<PortalAccountRow> Items, int TotalCount, int Page, int PageSize)
{
    public int PageCount => Math.Max(1, (TotalCount + PageSize - 1) / PageSize);
}

/// <summary>A customer and their portal users (empty when listing customers without an account).</summary>
/// <param name="CustomerId">The Customers module's id.</param>
/// <param name="AccountNumber">The customer's account number.</param>
/// <param name="CustomerName">The customer's display name.</param>
/// <param name="CustomerEmail">The customer's primary email: where an invitation would go.</param>
/// <param name="CustomerStatus">Whether the company still serves the customer.</param>
/// <param name="AutopayEnabled">Whether the customer pays automatically (kept by the payments module).</param>
/// <param name="LastSignInUtc">The latest sign-in of any of the customer's users.</param>
/// <param name="Users">The customer's portal users, oldest first.</param>
public sealed record PortalAccountRow(
    long CustomerId,
    string AccountNumber,
    string CustomerName,
    string? CustomerEmail,
    CustomerStatus CustomerStatus,
    bool AutopayEnabled,
    DateTimeOffset? LastSignInUtc,
    IReadOnlyList<PortalUserSummary> Users);

/// <summary>What a list shows of a portal user.</summary>
public sealed record PortalUserSummary(long Id, long CustomerId, string Email, string Name, PortalUserStatus Status, DateTimeOffset? LastSignInUtc, DateTimeOffset? InvitedUtc);
