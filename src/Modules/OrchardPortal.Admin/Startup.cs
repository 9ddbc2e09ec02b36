using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OrchardPortal.Admin.Dashboard;
using OrchardPortal.Admin.Services;
using OrchardPortal.Core.Modules;
using OrchardPortal.Core.Navigation;

namespace OrchardPortal.Admin;

/// <summary>
/// Registers the Admin module: the tenant admin shell (layout, navigation, dashboard) and the tenant's
/// placeholder home page. Sign-in and the rules for who may open admin pages belong to the Staff module.
/// </summary>
public sealed class Startup : ModuleStartup
{
    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<SiteIdentityService>();
        services.AddSingleton(new AdminMenuItem("Dashboard", AdminPaths.Dashboard, 0));
        foreach (var step in GettingStartedSteps.All)
        {
            services.AddSingleton(step);
        }
    }
}
