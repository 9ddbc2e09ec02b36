using OrchardPortal.Portal.Models;

namespace OrchardPortal.Portal.Services;

/// <summary>
/// Fills a tab's view model for the signed-in customer. The module that owns the tab's data registers
/// one (Billing: Invoices, Estimates, History); <see cref="CustomerPages.PortalPages"/> calls it only
/// after the access rule allowed the tab, with the customer it allowed.
/// </summary>
public interface IPortalTabContent
{
    /// <summary>The <see cref="PortalTab.Key"/> this fills.</summary>
    string TabKey { get; }

    Task ContributeAsync(PortalCustomer customer, IDictionary<string, object?> model, CancellationToken cancellationToken);
}
