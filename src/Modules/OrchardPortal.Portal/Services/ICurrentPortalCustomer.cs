using OrchardPortal.Portal.Models;

namespace OrchardPortal.Portal.Services;

/// <summary>
/// Who is signed in to the customer portal on this request. Customer sign-in arrives with a later
/// issue, which replaces the registration; until then nobody is, so tab pages ask visitors to sign in.
/// </summary>
public interface ICurrentPortalCustomer
{
    Task<PortalCustomer?> GetAsync(CancellationToken cancellationToken);
}

/// <summary>The placeholder until customer accounts exist: no visitor is signed in.</summary>
public sealed class NoPortalCustomer : ICurrentPortalCustomer
{
    public Task<PortalCustomer?> GetAsync(CancellationToken cancellationToken) => Task.FromResult<PortalCustomer?>(null);
}
