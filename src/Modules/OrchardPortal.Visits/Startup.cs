using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OrchardPortal.Core.Data;
using OrchardPortal.Core.Modules;
using OrchardPortal.Visits.Data;
using OrchardPortal.Visits.Services;

namespace OrchardPortal.Visits;

/// <summary>
/// Registers the Visits module: scheduled visits, the portal's upcoming visits and work history, reschedule/skip requests, the calendar feed and bulk delay notices.
/// </summary>
public sealed class Startup : ModuleStartup
{
    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<IModelContributor, VisitsModel>();
        services.AddSingleton<DataMigration, VisitsMigration>();
        services.AddScoped<VisitValidator>();
        services.AddScoped<VisitService>();
    }
}
