using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OrchardPortal.Core.Data;
using OrchardPortal.Core.Modules;
using OrchardPortal.PortalUsers.Data;
using OrchardPortal.PortalUsers.Services;

namespace OrchardPortal.PortalUsers;

/// <summary>
/// Registers the PortalUsers module: customers' portal accounts, invitations and password links, the
/// "Portal" cookie and customer sign-in pages, and the signed-in customer the portal's tabs are shown to.
/// </summary>
public sealed class Startup : ModuleStartup
{
    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<IModelContributor, PortalUsersModel>();
        services.AddSingleton<DataMigration, PortalUsersMigration>();
        services.AddScoped<PortalUsersSettingsService>();
        services.AddScoped<PortalUserService>();
        services.AddScoped<PortalInvitationService>();
        services.AddScoped<PortalSignInService>();
    }
}
