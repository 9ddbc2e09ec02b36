namespace OrchardPortal.Customers.Models;

/// <summary>
/// A customer of the tenant's company: a person or a company, with contact details and properties.
/// Other modules read customers through <see cref="Services.CustomerService"/>, never this table.
/// </summary>
public sealed class Customer
{
    public long Id { get; set; }

    /// <summary>As staff typed it (or generated, like <c>C-000123</c>); unique per tenant ignoring case.</summary>
    public required string AccountNumber { get; set; }

    /// <summary>The upper-cased account number: the uniqueness and lookup key.</summary>
    public string AccountKey { get; set; } = "";

    /// <summary>The company name when there is one, otherwise "First Last".</summary>
    public required string DisplayName { get; set; }

    public string? FirstName { get; set; }

    public string? LastName { get; set; }

    public string? CompanyName { get; set; }

    public CustomerStatus Status { get; set; } = CustomerStatus.Active;

    public string? Notes { get; set; }

    /// <summary>Copy of the primary email, kept for lists (the emails table is the source).</summary>
    public string? PrimaryEmail { get; set; }

    /// <summary>Copy of the primary phone as typed, kept for lists.</summary>
    public string? PrimaryPhone { get; set; }

    /// <summary>Lower-cased display name: the indexed sort key of the list.</summary>
    public string SortName { get; set; } = "";

    /// <summary>Lower-cased names, account number, emails, phone digits and street lines: what search matches.</summary>
    public string SearchText { get; set; } = "";

    /// <summary>Maintained by the portal-users module through <see cref="Services.CustomerService.SetPortalFlagsAsync"/>.</summary>
    public bool HasPortalAccount { get; set; }

    /// <summary>Maintained by the payments module through <see cref="Services.CustomerService.SetPortalFlagsAsync"/>.</summary>
    public bool AutopayEnabled { get; set; }

    public DateTimeOffset? LastPortalSignInUtc { get; set; }

    public DateTimeOffset CreatedUtc { get; set; }

    public DateTimeOffset UpdatedUtc { get; set; }

    /// <summary>Bumped on every change; two people editing at once can't overwrite each other unknowingly.</summary>
    public int Version { get; set; }

    public List<CustomerEmail> Emails { get; set; } = [];

    public List<CustomerPhone> Phones { get; set; } = [];

    public List<CustomerAddress> Addresses { get; set; } = [];

    public bool IsActive => Status == CustomerStatus.Active;
}
