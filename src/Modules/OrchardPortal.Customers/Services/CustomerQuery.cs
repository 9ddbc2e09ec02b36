using OrchardPortal.Customers.Models;

namespace OrchardPortal.Customers.Services;

public enum CustomerSort
{
    Name,
    AccountNumber,
    Created,
}

/// <summary>A search of the customer list: words to find, filters (null = any), order and page.</summary>
public sealed record CustomerQuery
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;

    /// <summary>Words matched anywhere in name, company, account number, emails, phone digits or street lines; all must match.</summary>
    public string? Text { get; init; }

    public CustomerStatus? Status { get; init; }

    public bool? HasPortalAccount { get; init; }

    public bool? AutopayEnabled { get; init; }

    public CustomerSort Sort { get; init; } = CustomerSort.Name;

    public bool Descending { get; init; }

    /// <summary>1-based; a page past the end shows the last page.</summary>
    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = DefaultPageSize;
}

/// <summary>One page of results and where it sits in the whole list.</summary>
public sealed record CustomerPage(IReadOnlyList<CustomerSummary> Items, int TotalCount, int Page, int PageSize)
{
    public int PageCount => Math.Max(1, (TotalCount + PageSize - 1) / PageSize);

    public int FirstItem => TotalCount == 0 ? 0 : ((Page - 1) * PageSize) + 1;

    public int LastItem => FirstItem == 0 ? 0 : FirstItem + Items.Count - 1;
}

/// <summary>What a list row shows of a customer.</summary>
public sealed record CustomerSummary(
    long Id,
    string AccountNumber,
    string DisplayName,
    string? PrimaryEmail,
    string? PrimaryPhone,
    CustomerStatus Status,
    bool HasPortalAccount,
    bool AutopayEnabled,
    DateTimeOffset? LastPortalSignInUtc,
    DateTimeOffset CreatedUtc);
