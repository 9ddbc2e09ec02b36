using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OrchardPortal.Core.Data;
using OrchardPortal.Core.Navigation;
using OrchardPortal.Payments.Autopay.CustomerPortal;
using OrchardPortal.Payments.Autopay.Data;
using OrchardPortal.Payments.Autopay.Enrollment;
using OrchardPortal.Payments.Autopay.History;
using OrchardPortal.Payments.Autopay.Job;
using OrchardPortal.Payments.Autopay.Staff;
using OrchardPortal.Portal.Services;

namespace OrchardPortal.Payments.Autopay;

/// <summary>Autopay's part of the Payments module's <see cref="Startup"/>: its tables, services, background job, pages and menu.</summary>
internal static class AutopayRegistration
{
    public static void AddAutopay(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<IModelContributor, AutopayModel>();
        services.AddSingleton<DataMigration, AutopayMigration>();
        services.Configure<AutopayOptions>(configuration.GetSection(AutopayOptions.Section));

        services.AddScoped<AutopayEnrollmentService>();
        services.AddScoped<AutopayHistory>();
        services.AddScoped<AutopayPages>();
        services.AddScoped<IPortalTabContent, AutopayTabContent>();

        services.AddScoped<AutopayPlanner>();
        services.AddScoped<AutopayClaims>();
        services.AddScoped<AutopayCharger>();
        services.AddScoped<AutopayBatch>();
        services.AddScoped<AutopayFailureEmail>();
        services.AddScoped<AutopayOfficeDigest>();
        services.AddScoped<AutopayTenantRun>();
        services.AddSingleton<AutopayJob>();
        services.AddHostedService<AutopayBackgroundService>();

        services.AddScoped<IAdminMenuBadge, AutopayFailuresMenuBadge>();
        services.AddSingleton(new AdminMenuItem("Autopay", AutopayPaths.Admin, 61));
    }

    public static void MapAutopay(this IEndpointRouteBuilder endpoints) => AutopayPages.Map(endpoints);
}
