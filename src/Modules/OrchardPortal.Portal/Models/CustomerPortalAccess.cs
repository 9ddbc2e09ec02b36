namespace OrchardPortal.Portal.Models;

/// <summary>
/// One customer's exception to the portal settings: no portal at all, or some tabs hidden. Customers
/// without a row see every enabled tab. Keyed by the customer's id as a string so this module needs
/// nothing from the Customers module.
/// </summary>
public sealed class CustomerPortalAccess
{
    public const int MaxCustomerIdLength = 64;

    public required string CustomerId { get; set; }

    /// <summary>The customer may not use the portal at all.</summary>
    public bool DenyPortal { get; set; }

    /// <summary>Space-separated keys of tabs hidden from this customer.</summary>
    public string HiddenTabs { get; set; } = "";

    public DateTimeOffset UpdatedUtc { get; set; }

    public IReadOnlySet<string> HiddenTabKeys => HiddenTabs.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
}

/// <summary>Whether a customer may open a tab, and if not, why.</summary>
public enum PortalAccessDecision
{
    Allowed,

    /// <summary>The tenant switched the tab off for everyone.</summary>
    TabDisabled,

    /// <summary>The tab is hidden from this customer.</summary>
    TabHidden,

    /// <summary>This customer may not use the portal at all.</summary>
    PortalDenied,

    /// <summary>The signed-in portal user's own permissions keep them out of this tab (Payments needs "can pay").</summary>
    NotPermitted,
}
