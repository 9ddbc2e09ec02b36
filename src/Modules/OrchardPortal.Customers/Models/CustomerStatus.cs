namespace OrchardPortal.Customers.Models;

/// <summary>Whether the company still serves the customer. Inactive customers stay on file (history, invoices).</summary>
public enum CustomerStatus
{
    Active,
    Inactive,
}

/// <summary>What an address is for: where bills go, or a property the company services.</summary>
public enum AddressKind
{
    Billing,
    Service,
}
