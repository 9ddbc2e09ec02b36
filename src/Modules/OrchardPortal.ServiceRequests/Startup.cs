using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OrchardPortal.Core.Modules;

namespace OrchardPortal.ServiceRequests;

/// <summary>
/// Registers the ServiceRequests module: the service catalogue, customers' service requests (with photos) and service notes, and the staff inbox for both.
/// </summary>
public sealed class Startup : ModuleStartup
{
    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
    }
}
