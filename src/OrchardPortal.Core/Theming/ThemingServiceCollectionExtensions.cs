using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OrchardPortal.Core.Data;

namespace OrchardPortal.Core.Theming;

public static class ThemingServiceCollectionExtensions
{
    /// <summary>Registers the theme pipeline: catalog, engine and caches, the renderer, overrides and Core's theme globals.</summary>
    public static IServiceCollection AddTheming(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ThemeOptions>(configuration.GetSection("Themes"));
        services.AddHttpContextAccessor();
        services.AddSingleton<ThemeCatalog>();
        services.AddSingleton<ThemeEngine>();
        services.AddSingleton<IModelContributor, ThemingModel>();
        services.AddSingleton<DataMigration, ThemingMigration>();
        services.AddScoped<SiteProfileService>();
        services.AddScoped<ThemeSettingsService>();
        services.AddScoped<TemplateOverrideService>();
        services.AddScoped<ThemeRenderer>();
        services.AddScoped<IThemeRenderer>(sp => sp.GetRequiredService<ThemeRenderer>());
        services.AddScoped<IThemeGlobalsProvider, CoreThemeGlobalsProvider>();
        return services;
    }
}
