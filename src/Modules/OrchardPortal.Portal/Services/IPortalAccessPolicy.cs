using OrchardPortal.Portal.Models;

namespace OrchardPortal.Portal.Services;

/// <summary>
/// The one rule for who sees which portal tab: the tab must be enabled for the tenant, and a signed-in
/// customer must be neither denied the portal nor have the tab hidden. Anonymous visitors (null id)
/// see every enabled tab (the tab then asks them to sign in).
/// </summary>
public interface IPortalAccessPolicy
{
    Task<PortalAccessDecision> CheckTabAsync(string? customerId, string tabKey, CancellationToken cancellationToken);

    Task<bool> CanSeeTabAsync(string? customerId, string tabKey, CancellationToken cancellationToken);

    /// <summary>The tabs to show in navigation, in order.</summary>
    Task<IReadOnlyList<PortalTab>> VisibleTabsAsync(string? customerId, CancellationToken cancellationToken);

    /// <summary>
    /// The same rule for a signed-in portal user (null = anonymous): after the tenant's and the customer's
    /// rules, the user's own tab permissions apply (<see cref="PortalAccessDecision.NotPermitted"/>).
    /// </summary>
    Task<PortalAccessDecision> CheckTabForAsync(PortalCustomer? customer, string tabKey, CancellationToken cancellationToken);

    /// <summary>The tabs to show this visitor in navigation, in order, including the user's own permissions.</summary>
    Task<IReadOnlyList<PortalTab>> VisibleTabsForAsync(PortalCustomer? customer, CancellationToken cancellationToken);
}

public sealed class PortalAccessPolicy(PortalSettingsService settings, CustomerPortalAccessService access) : IPortalAccessPolicy
{
    // One request asks several times (navigation, then the tab itself): read each customer's row once.
    private readonly Dictionary<string, CustomerPortalAccess?> _rows = new(StringComparer.Ordinal);

    public async Task<PortalAccessDecision> CheckTabAsync(string? customerId, string tabKey, CancellationToken cancellationToken)
    {
        var portal = await settings.GetAsync(cancellationToken);
        if (PortalTabs.Find(tabKey) is null || !portal.IsTabEnabled(tabKey))
        {
            return PortalAccessDecision.TabDisabled;
        }

        var row = await RowAsync(customerId, cancellationToken);
        if (row is null)
        {
            return PortalAccessDecision.Allowed;
        }

        return row.DenyPortal ? PortalAccessDecision.PortalDenied
            : row.HiddenTabKeys.Contains(tabKey) ? PortalAccessDecision.TabHidden
            : PortalAccessDecision.Allowed;
    }

    public async Task<bool> CanSeeTabAsync(string? customerId, string tabKey, CancellationToken cancellationToken) =>
        await CheckTabAsync(customerId, tabKey, cancellationToken) == PortalAccessDecision.Allowed;

    public async Task<IReadOnlyList<PortalTab>> VisibleTabsAsync(string? customerId, CancellationToken cancellationToken)
    {
        var portal = await settings.GetAsync(cancellationToken);
        var row = await RowAsync(customerId, cancellationToken);
        if (row?.DenyPortal == true)
        {
            return [];
        }

        var hidden = row?.HiddenTabKeys ?? new HashSet<string>();
        return PortalTabs.All.Where(t => portal.IsTabEnabled(t.Key) && !hidden.Contains(t.Key)).ToList();
    }

    public async Task<PortalAccessDecision> CheckTabForAsync(PortalCustomer? customer, string tabKey, CancellationToken cancellationToken)
    {
        var decision = await CheckTabAsync(customer?.Id, tabKey, cancellationToken);
        return decision == PortalAccessDecision.Allowed && customer is not null && !customer.MayOpen(tabKey)
            ? PortalAccessDecision.NotPermitted
            : decision;
    }

    public async Task<IReadOnlyList<PortalTab>> VisibleTabsForAsync(PortalCustomer? customer, CancellationToken cancellationToken)
    {
        var tabs = await VisibleTabsAsync(customer?.Id, cancellationToken);
        return customer is null ? tabs : tabs.Where(t => customer.MayOpen(t.Key)).ToList();
    }

    private async Task<CustomerPortalAccess?> RowAsync(string? customerId, CancellationToken cancellationToken)
    {
        if (customerId is null)
        {
            return null;
        }

        if (!_rows.TryGetValue(customerId, out var row))
        {
            row = await access.FindAsync(customerId, cancellationToken);
            _rows[customerId] = row;
        }

        return row;
    }
}
