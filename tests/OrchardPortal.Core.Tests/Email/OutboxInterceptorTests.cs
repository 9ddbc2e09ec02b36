using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using OrchardPortal.Core.Data;

namespace OrchardPortal.Core.Tests.Email;

public sealed class OutboxInterceptorTests
{
    // Each tenant context gets its own commit interceptor. Should EF ever key its internal service
    // provider on interceptor instances, every context would build a new one (slow, and EF refuses
    // after twenty); this test is the tripwire for that.
    [Fact]
    public async Task Tenant_contexts_with_their_own_commit_interceptor_still_share_EFs_internal_services()
    {
        await using var host = await EmailHost.StartAsync(smtpPort: null, dispatcher: false);
        var first = await host.CreateTenantAsync();
        var second = await host.CreateTenantAsync();

        // The model source is a singleton of EF's internal provider: one instance means one provider.
        var modelSources = new List<IModelSource>();
        foreach (var tenant in new[] { first, second, first })
        {
            modelSources.Add(await host.InTenantAsync(tenant, sp =>
                Task.FromResult(sp.GetRequiredService<TenantDbContext>().GetService<IModelSource>())));
        }

        Assert.Single(modelSources.Distinct());
    }
}
