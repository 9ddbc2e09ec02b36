using OrchardPortal.Portal.Models;
using OrchardPortal.Portal.Services;

namespace OrchardPortal.Messages.CustomerPortal;

/// <summary>Fills the Messages tab (the Portal module has already applied the access rule).</summary>
public sealed class MessagesTabContent(MessagesPortalModel messages) : IPortalTabContent
{
    public string TabKey => PortalTabs.Messages.Key;

    public Task ContributeAsync(PortalCustomer customer, IDictionary<string, object?> model, CancellationToken cancellationToken) =>
        messages.FillListAsync(customer, model, cancellationToken);
}
