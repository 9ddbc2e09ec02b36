using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OrchardPortal.Core.Data;
using OrchardPortal.Core.Modules;
using OrchardPortal.Core.Navigation;
using OrchardPortal.Core.Recipes;
using OrchardPortal.Portal.Services;
using OrchardPortal.ServiceRequests.Catalogue;
using OrchardPortal.ServiceRequests.Conversions;
using OrchardPortal.ServiceRequests.CustomerPortal;
using OrchardPortal.ServiceRequests.Data;
using OrchardPortal.ServiceRequests.Notes;
using OrchardPortal.ServiceRequests.Photos;
using OrchardPortal.ServiceRequests.Recipes;
using OrchardPortal.ServiceRequests.Requests;
using OrchardPortal.ServiceRequests.Services;

namespace OrchardPortal.ServiceRequests;

/// <summary>
/// Registers the ServiceRequests module: the service catalogue, customers' service requests (with photos) and service notes, and the staff inbox for both.
/// </summary>
public sealed class Startup : ModuleStartup
{
    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        var options = new PhotoOptions();
        configuration.GetSection(PhotoOptions.Section).Bind(options);
        services.AddSingleton(options);
        services.AddSingleton<IModelContributor, ServiceRequestsModel>();
        services.AddSingleton<DataMigration, ServiceRequestsMigration>();
        services.AddScoped<IRecipeStepHandler, ServiceCatalogueRecipeStep>();
        services.AddScoped<ServiceCatalogService>();
        services.AddScoped<RequestFormRules>();
        services.AddScoped<ServiceRequestEmails>();
        services.AddScoped<ServiceRequestSubmission>();
        services.AddScoped<ServiceRequestStaffActions>();
        services.AddScoped<ServiceRequestService>();
        services.AddScoped<ServiceNoteService>();
        services.AddScoped<RequestConversions>();
        services.AddScoped<PortalAccess>();
        services.AddScoped<RequestServiceModel>();
        services.AddScoped<RequestServicePortalPages>();
        services.AddScoped<IPortalTabContent, RequestServiceTabContent>();
        services.AddScoped<ServiceNotesModel>();
        services.AddScoped<ServiceNotesPortalPages>();
        services.AddScoped<IPortalTabContent, ServiceNotesTabContent>();
        services.AddScoped<IAdminMenuBadge, NewRequestsBadge>();
        services.AddScoped<IAdminMenuBadge, UnansweredNotesBadge>();
        services.AddSingleton(new AdminMenuItem("Service requests", ServiceRequestPaths.Inbox, 35));
        services.AddSingleton(new AdminMenuItem("Service notes", ServiceRequestPaths.NotesInbox, 36));
        services.AddSingleton(new AdminMenuItem("Service catalogue", ServiceRequestPaths.Catalogue, 150));
    }

    public override void MapEndpoints(IEndpointRouteBuilder endpoints) => endpoints.MapServiceRequestsPortal();
}
