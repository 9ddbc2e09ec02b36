using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OrchardPortal.Core.Data;
using OrchardPortal.Core.Modules;
using OrchardPortal.Core.Security;
using OrchardPortal.Tenants.Api;
using OrchardPortal.Tenants.ApiKeys;
using OrchardPortal.Tenants.Operators;
using OrchardPortal.Tenants.Pages.HostSite.Signup;
using OrchardPortal.Tenants.TenantAdmin;

namespace OrchardPortal.Tenants;

/// <summary>
/// Registers the Tenants module: the host site's landing page and signup, the operator's account,
/// tenant list and API keys, and the operator JSON API.
/// </summary>
public sealed class Startup : ModuleStartup
{
    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<OperatorOptions>(configuration.GetSection("Operator"));
        services.AddSingleton<IModelContributor, TenantsHostModel>();
        services.AddSingleton<DataMigration, TenantsHostMigration>();

        services.AddSingleton<IPasswordHasher<OperatorAccount>, PasswordHasher<OperatorAccount>>();
        services.AddScoped<OperatorAccountService>();
        services.AddScoped<ApiKeyService>();
        services.AddScoped<TenantQuery>();
        services.AddScoped<TenantAdministrationService>();
        services.AddHostedService<OperatorSeeder>();

        services.AddAuthentication()
            .AddTenantCookie(OperatorAuthentication.Scheme, options =>
            {
                options.Cookie.Name = "op_operator";
                // The operator cookie is only needed under /operator; keeping it off other paths keeps it
                // out of every signup and landing-page request.
                options.Cookie.Path = "/operator";
                options.LoginPath = OperatorAuthentication.LoginPath;
                options.AccessDeniedPath = OperatorAuthentication.LoginPath;
                options.ExpireTimeSpan = TimeSpan.FromHours(8);
                options.SlidingExpiration = true;
            })
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(OperatorAuthentication.ApiScheme, configureOptions: null);
        services.AddAuthorizationBuilder()
            .AddPolicy(OperatorAuthentication.Policy, policy => policy.AddAuthenticationSchemes(OperatorAuthentication.Scheme).RequireAuthenticatedUser())
            .AddPolicy(OperatorAuthentication.ApiPolicy, policy => policy.AddAuthenticationSchemes(OperatorAuthentication.ApiScheme).RequireAuthenticatedUser());
    }

    public override void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        SubdomainCheckEndpoint.Map(endpoints);
        OperatorHomeEndpoint.Map(endpoints);
        TenantsApi.Map(endpoints);
    }
}
