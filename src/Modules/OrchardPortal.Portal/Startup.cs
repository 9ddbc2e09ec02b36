using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OrchardPortal.Admin.Dashboard;
using OrchardPortal.Core.Data;
using OrchardPortal.Core.Modules;
using OrchardPortal.Core.Navigation;
using OrchardPortal.Core.Recipes;
using OrchardPortal.Core.Theming;
using OrchardPortal.Portal.CustomerPages;
using OrchardPortal.Portal.Data;
using OrchardPortal.Portal.Recipes;
using OrchardPortal.Portal.Services;

namespace OrchardPortal.Portal;

/// <summary>
/// Registers the Portal module: the customer portal's pages (one per tab, sign-in, themed 404), the
/// portal and theme settings with their admin pages and recipe steps, the template-override editor,
/// and the per-customer access rule.
/// </summary>
public sealed class Startup : ModuleStartup
{
    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<IModelContributor, PortalModel>();
        services.AddSingleton<DataMigration, PortalMigration>();
        services.AddScoped<PortalSettingsService>();
        services.AddScoped<CustomerPortalAccessService>();
        services.AddScoped<IPortalAccessPolicy, PortalAccessPolicy>();
        // A placeholder: the PortalUsers module registers the real, cookie-based one, whatever the module order.
        services.TryAddScoped<ICurrentPortalCustomer, NoPortalCustomer>();
        services.AddScoped<IThemeGlobalsProvider, PortalGlobalsProvider>();
        services.AddScoped<PortalPages>();
        services.AddScoped<IRecipeStepHandler, PortalSettingsRecipeStep>();
        services.AddScoped<IRecipeStepHandler, ThemeSettingsRecipeStep>();
        services.AddScoped<IGettingStartedProgress, BrandingProgress>();
        services.AddSingleton(new AdminMenuItem("Portal settings", PortalAdminPaths.Settings, 100));
        services.AddSingleton(new AdminMenuItem("Colours & name", PortalAdminPaths.Theme, 110));
        services.AddSingleton(new AdminMenuItem("Templates", PortalAdminPaths.Templates, 190));
    }

    public override void MapEndpoints(IEndpointRouteBuilder endpoints) => endpoints.MapPortal();
}
