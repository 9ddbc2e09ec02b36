namespace OrchardPortal.Customers.Models;

public sealed class CustomerEmail
{
    public long Id { get; set; }

    public long CustomerId { get; set; }

    /// <summary>Normalized (trimmed, lower-case) address.</summary>
    public required string Address { get; set; }

    /// <summary>e.g. "Home", "Work", "Billing contact".</summary>
    public string? Label { get; set; }

    public bool IsPrimary { get; set; }
}

public sealed class CustomerPhone
{
    public long Id { get; set; }

    public long CustomerId { get; set; }

    /// <summary>As typed, e.g. "(312) 555-0134".</summary>
    public required string Number { get; set; }

    public string? Label { get; set; }

    public bool IsPrimary { get; set; }
}

/// <summary>A billing address or one of the customer's service properties (there may be several).</summary>
public sealed class CustomerAddress
{
    public long Id { get; set; }

    public long CustomerId { get; set; }

    public AddressKind Kind { get; set; }

    /// <summary>e.g. "Front yard property", "Lake cabin".</summary>
    public string? Label { get; set; }

    public required string Line1 { get; set; }

    public string? Line2 { get; set; }

    public required string City { get; set; }

    public string? Region { get; set; }

    public string? PostalCode { get; set; }

    public string? Country { get; set; }

    public bool IsPrimary { get; set; }
}
