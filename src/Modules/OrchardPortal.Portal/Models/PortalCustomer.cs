namespace OrchardPortal.Portal.Models;

/// <summary>
/// Who is signed in to the portal: the customer (whose data they see) and the portal user acting for
/// them, with that user's own permissions. Later modules (billing, service) check ownership against
/// <see cref="CustomerId"/> and permissions with <see cref="MayOpen"/> / <see cref="CanPay"/>.
/// </summary>
/// <param name="Id">The customer's id as a string (the key of <see cref="CustomerPortalAccess"/>).</param>
/// <param name="Name">The customer's display name.</param>
public sealed record PortalCustomer(string Id, string Name)
{
    /// <summary>The Customers module's id of the customer.</summary>
    public long CustomerId { get; init; }

    /// <summary>The signed-in portal user, or null when the customer itself is meant (tests, previews).</summary>
    public long? UserId { get; init; }

    /// <summary>The portal user's own name, shown in the header ("Signed in as …").</summary>
    public string? UserName { get; init; }

    public string? UserEmail { get; init; }

    /// <summary>Tab keys this user may open; null means every tab the customer may see.</summary>
    public IReadOnlySet<string>? AllowedTabs { get; init; }

    /// <summary>May pay: the Payments tab and "Pay now" need it.</summary>
    public bool CanPay { get; init; } = true;

    /// <summary>The user's own permissions allow the tab (the tenant's and customer's rules are checked separately).</summary>
    public bool MayOpen(string tabKey) =>
        (AllowedTabs is null || AllowedTabs.Contains(tabKey) || tabKey == PortalTabs.Home.Key)
        && (CanPay || tabKey != PortalTabs.Payments.Key);
}
