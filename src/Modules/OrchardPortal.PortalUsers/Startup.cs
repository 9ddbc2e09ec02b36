using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OrchardPortal.Core.Data;
using OrchardPortal.Core.Modules;
using OrchardPortal.Core.Navigation;
using OrchardPortal.Core.Security;
using OrchardPortal.Core.Theming;
using OrchardPortal.Portal.Services;
using OrchardPortal.PortalUsers.Account;
using OrchardPortal.PortalUsers.Account.Activate;
using OrchardPortal.PortalUsers.Account.ResetPassword;
using OrchardPortal.PortalUsers.Account.SignIn;
using OrchardPortal.PortalUsers.Account.SignInLink;
using OrchardPortal.PortalUsers.Data;
using OrchardPortal.PortalUsers.Models;
using OrchardPortal.PortalUsers.Pages.Admin.PortalUsers;
using OrchardPortal.PortalUsers.Services;
using OrchardPortal.PortalUsers.UpdateInformation;

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
        services.AddSingleton<IPasswordHasher<PortalUser>, PasswordHasher<PortalUser>>();
        services.AddScoped<PortalUsersSettingsService>();
        services.AddScoped<PortalUserService>();
        services.AddScoped<PortalTokenStore>();
        services.AddScoped<BulkRequestGuard>();
        services.AddScoped<PortalEmails>();
        services.AddScoped<PortalInvitationService>();
        services.AddScoped<PortalSignInService>();
        services.AddScoped<PortalAccountService>();
        // Replaces the Portal module's "nobody is signed in" placeholder (registered with TryAdd).
        services.AddScoped<ICurrentPortalCustomer, CookiePortalCustomer>();
        services.AddScoped<IThemeGlobalsProvider, PortalAccountGlobalsProvider>();

        services.AddScoped<AccountPages>();
        services.AddScoped<SignInHandler>();
        services.AddScoped<ActivateHandler>();
        services.AddScoped<ForgotPasswordHandler>();
        services.AddScoped<ResetPasswordHandler>();
        services.AddScoped<SignInLinkHandler>();

        // Staff admin ("Manage portal users", a customer's portal users) and the portal's "Update information" page.
        services.AddSingleton(new AdminMenuItem("Portal users", PortalUserPaths.Manage, 20));
        services.AddScoped<UpdateInformationPage>();

        services.AddAuthentication().AddTenantCookie(PortalAuth.Scheme, options =>
        {
            options.Cookie.Name = PortalAuth.CookieName;
            options.Cookie.Path = "/";
            options.LoginPath = PortalAccountPaths.SignIn;
            options.LogoutPath = PortalAccountPaths.SignOut;
            // "Keep me signed in" makes the cookie persistent; without it the browser drops it at the end of the session.
            options.ExpireTimeSpan = PortalAuth.KeepSignedIn;
            options.SlidingExpiration = true;
            options.Events.OnValidatePrincipal = PortalPrincipalValidator.ValidateAsync;
        });
    }

    public override void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPortalAccount();
        endpoints.MapUpdateInformation();
    }
}
