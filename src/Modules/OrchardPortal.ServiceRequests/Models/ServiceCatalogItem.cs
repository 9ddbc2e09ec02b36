namespace OrchardPortal.ServiceRequests.Models;

/// <summary>
/// One service the company offers in the portal's Request service form, e.g. "Spring clean-up". A price
/// (minor units in the tenant's currency) is shown to customers; without one the service says "quote needed".
/// </summary>
public sealed class ServiceCatalogItem
{
    public long Id { get; set; }

    public required string Name { get; set; }

    public string? Description { get; set; }

    /// <summary>Minor units in the tenant's currency; null means the price depends on the job (quote needed).</summary>
    public long? Price { get; set; }

    /// <summary>Inactive services stay on old requests but are no longer offered.</summary>
    public bool IsActive { get; set; } = true;

    /// <summary>Order in the form and the admin list: lower first.</summary>
    public int Position { get; set; }

    public DateTimeOffset CreatedUtc { get; set; }

    public DateTimeOffset UpdatedUtc { get; set; }
}
