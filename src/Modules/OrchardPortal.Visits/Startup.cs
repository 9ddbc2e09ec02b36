using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OrchardPortal.Core.Data;
using OrchardPortal.Core.Modules;
using OrchardPortal.Core.Navigation;
using OrchardPortal.Portal.Services;
using OrchardPortal.Visits.Calendar;
using OrchardPortal.Visits.ChangeRequests;
using OrchardPortal.Visits.CustomerPortal;
using OrchardPortal.Visits.Data;
using OrchardPortal.Visits.Delays;
using OrchardPortal.Visits.Services;

namespace OrchardPortal.Visits;

/// <summary>
/// Registers the Visits module: scheduled visits, the staff schedule under <c>/admin/visits</c>, the
/// portal's Schedule tab, next visit on Home and completed work in History, reschedule/skip requests,
/// the calendar feed and bulk delay notices.
/// </summary>
public sealed class Startup : ModuleStartup
{
    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<IModelContributor, VisitsModel>();
        services.AddSingleton<DataMigration, VisitsMigration>();
        services.AddScoped<VisitValidator>();
        services.AddScoped<VisitService>();
        services.AddScoped<VisitClock>();
        services.AddScoped<VisitLinks>();
        services.AddScoped<VisitDelayEmail>();
        services.AddScoped<VisitDelayService>();
        services.AddScoped<VisitChangeEmails>();
        services.AddScoped<VisitChangeService>();
        services.AddScoped<CalendarFeedService>();
        services.AddScoped<CalendarFeedEndpoint>();
        services.AddScoped<VisitsPortalModel>();
        services.AddScoped<ScheduleTabContent>();
        services.AddScoped<IPortalTabContent>(sp => sp.GetRequiredService<ScheduleTabContent>());
        services.AddScoped<IPortalTabContent, NextVisitHomeContent>();
        services.AddScoped<IPortalTabContent, CompletedVisitsHistoryContent>();
        services.AddScoped<VisitsPortalPages>();
        services.AddScoped<IAdminMenuBadge, PendingVisitRequestsBadge>();
        services.AddSingleton(new AdminMenuItem("Schedule", VisitPaths.Admin, 15));
        services.AddSingleton(new AdminMenuItem("Visit requests", VisitPaths.AdminRequests, 16));
    }

    public override void MapEndpoints(IEndpointRouteBuilder endpoints) => endpoints.MapVisitsPortal();
}
