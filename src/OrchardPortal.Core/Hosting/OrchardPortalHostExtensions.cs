using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OrchardPortal.Core.Data;
using OrchardPortal.Core.Email;
using OrchardPortal.Core.Media;
using OrchardPortal.Core.Modules;
using OrchardPortal.Core.Provisioning;
using OrchardPortal.Core.Recipes;
using OrchardPortal.Core.Settings;
using OrchardPortal.Core.Tenancy;
using OrchardPortal.Core.Theming;

namespace OrchardPortal.Core.Hosting;

/// <summary>The two calls <c>Program.cs</c> makes: compose the platform, then run its pipeline.</summary>
public static class OrchardPortalHostExtensions
{
    public static OrchardPortalBuilder AddOrchardPortal(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        services.Configure<StorageOptions>(configuration.GetSection("Storage"));
        services.Configure<TenancyOptions>(configuration.GetSection("Tenancy"));
        services.Configure<RecipeOptions>(configuration.GetSection("Recipes"));
        services.TryAddSingleton(TimeProvider.System);

        // The provider is chosen when first resolved, not while registering, so configuration added
        // later (environment, test hosts) is honoured.
        services.AddSingleton<AppDataPaths>();
        services.AddSingleton<SqlitePoolLimiter>();
        services.AddSingleton<SqliteTenantStorage>();
        services.AddSingleton<PostgresTenantStorage>();
        services.AddSingleton<ITenantStorage>(sp => sp.GetRequiredService<IOptions<StorageOptions>>().Value.IsPostgres
            ? sp.GetRequiredService<PostgresTenantStorage>()
            : sp.GetRequiredService<SqliteTenantStorage>());

        services.AddDbContext<HostDbContext>((sp, options) => sp.GetRequiredService<ITenantStorage>().ConfigureHost(options));
        services.AddDbContext<TenantDbContext>((sp, options) =>
            sp.GetRequiredService<ITenantStorage>().ConfigureTenant(options, sp.GetRequiredService<TenantScope>().Required));
        services.AddSingleton<IModelContributor, CoreHostModel>();
        services.AddSingleton<IModelContributor, CoreTenantModel>();
        services.AddSingleton<DataMigration, CoreHostMigration>();
        services.AddSingleton<DataMigration, CoreTenantMigration>();
        services.AddSingleton<SchemaMigrator>();

        services.AddScoped<TenantScope>();
        services.AddSingleton<TenantRegistry>();
        services.AddSingleton<TenantActivator>();
        services.AddSingleton<TenantScopeFactory>();
        services.AddSingleton<SiteUrls>();
        services.AddScoped<TenantLinks>();
        services.AddSingleton<MatcherPolicy, SiteScopeMatcherPolicy>();

        services.AddSingleton<RecipeCatalog>();
        services.AddScoped<RecipeExecutor>();
        services.AddScoped<IRecipeStepHandler, SettingsRecipeStep>();
        services.AddScoped<ProvisioningValidator>();
        services.AddScoped<TenantProvisioningService>();
        services.AddScoped<SiteSettingsService>();
        services.AddSingleton<SiteSettingsCache>();
        services.AddHostedService<HostDatabaseInitializer>();
        services.AddPortalEmail(configuration);
        services.AddTheming(configuration);
        services.AddPortalMedia();

        // Keys live with the app's data so cookies survive restarts; a PostgreSQL key table comes with scale-out.
        services.AddDataProtection().SetApplicationName("OrchardPortal");
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp => new ConfigureOptions<KeyManagementOptions>(options =>
            options.XmlRepository = new FileSystemXmlRepository(
                new DirectoryInfo(Path.Combine(sp.GetRequiredService<AppDataPaths>().Root, "DataProtection-Keys")),
                sp.GetRequiredService<ILoggerFactory>())));

        services.AddRazorPages();
        services.AddAntiforgery();
        services.AddProblemDetails();
        services.AddAuthentication();
        services.AddAuthorization();
        return new OrchardPortalBuilder(builder, services.BuildModuleRegistry());
    }

    public static WebApplication UseOrchardPortal(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error");
        }

        app.UseStatusCodePagesWithReExecute("/error/{0}");
        app.UseMiddleware<TenantResolutionMiddleware>();
        app.UseStaticFiles();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.MapRazorPages();
        app.Map("/error/{code:int?}", SitePages.ErrorAsync).AllowAnonymous().DisableAntiforgery();
        app.MapPortalMedia();
        foreach (var module in app.Services.GetRequiredService<ModuleRegistry>().Modules)
        {
            module.MapEndpoints(app);
        }

        return app;
    }

    private static ModuleRegistry BuildModuleRegistry(this IServiceCollection services)
    {
        var registry = new ModuleRegistry();
        services.AddSingleton(registry);
        return registry;
    }
}
