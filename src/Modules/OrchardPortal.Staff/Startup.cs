using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OrchardPortal.Admin.Services;
using OrchardPortal.Core.Data;
using OrchardPortal.Core.Modules;
using OrchardPortal.Core.Navigation;
using OrchardPortal.Core.Provisioning;
using OrchardPortal.Core.Security;
using OrchardPortal.Staff.Data;
using OrchardPortal.Staff.Models;
using OrchardPortal.Staff.Services;

namespace OrchardPortal.Staff;

/// <summary>
/// Registers the Staff module: staff accounts, the "Staff" cookie and the rule that everything under
/// <c>/admin</c> needs a signed-in staff member, invitations, and the owner's account at signup.
/// </summary>
public sealed class Startup : ModuleStartup
{
    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<IModelContributor, StaffModel>();
        services.AddSingleton<DataMigration, StaffMigration>();
        services.AddSingleton<IPasswordHasher<StaffUser>, PasswordHasher<StaffUser>>();
        services.AddSingleton<UnknownEmailThrottle>();
        services.AddScoped<StaffSignInService>();
        services.AddScoped<StaffAccountService>();
        services.AddScoped<StaffInvitationService>();
        services.AddScoped<StaffHandoffService>();
        services.AddScoped<ITenantSetupHandler, OwnerSetupHandler>();
        services.AddSingleton(new AdminMenuItem("Staff", "/admin/staff", 900, nameof(StaffRole.Owner)));

        services.AddAuthentication().AddTenantCookie(StaffAuth.Scheme, options =>
        {
            options.Cookie.Name = StaffAuth.CookieName;
            // Only admin pages need it; customer-portal pages (where staff-edited templates render) never see it.
            options.Cookie.Path = AdminPaths.Dashboard;
            options.LoginPath = AdminPaths.Login;
            options.LogoutPath = AdminPaths.Logout;
            options.AccessDeniedPath = AdminPaths.AccessDenied;
            options.ExpireTimeSpan = TimeSpan.FromHours(12);
            options.SlidingExpiration = true;
            options.Events.OnValidatePrincipal = StaffPrincipalValidator.ValidateAsync;
        });
        services.AddAuthorizationBuilder()
            .AddPolicy(StaffAuth.StaffPolicy, policy => policy.AddAuthenticationSchemes(StaffAuth.Scheme).RequireAuthenticatedUser())
            .AddPolicy(StaffAuth.OwnerPolicy, policy => policy.AddAuthenticationSchemes(StaffAuth.Scheme).RequireRole(nameof(StaffRole.Owner)));
        services.Configure<RazorPagesOptions>(options => options.Conventions.Add(new AdminAuthorizationConvention()));
    }
}
