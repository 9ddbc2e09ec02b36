using Microsoft.Extensions.DependencyInjection;

namespace OrchardPortal.Core.Tenancy;

/// <summary>Creates DI scopes bound to one tenant, for work outside a request (provisioning, jobs, tests).</summary>
public sealed class TenantScopeFactory(IServiceScopeFactory scopeFactory)
{
    public AsyncServiceScope CreateScope(TenantRecord tenant)
    {
        var scope = scopeFactory.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantScope>().Enter(tenant);
        return scope;
    }
}
