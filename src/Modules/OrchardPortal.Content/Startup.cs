using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OrchardPortal.Content.Data;
using OrchardPortal.Content.HeaderImage;
using OrchardPortal.Content.HomeEditor;
using OrchardPortal.Content.Recipes;
using OrchardPortal.Content.SamplePortal;
using OrchardPortal.Content.Services;
using OrchardPortal.Core.Data;
using OrchardPortal.Core.Modules;
using OrchardPortal.Core.Navigation;
using OrchardPortal.Core.Recipes;
using OrchardPortal.Core.Theming;

namespace OrchardPortal.Content;

/// <summary>
/// Registers the Content module: the header image, the home-page text (editor, drafts, versions,
/// preview), "View sample portal", what they give the theme, and the <c>home-content</c> recipe step.
/// </summary>
public sealed class Startup : ModuleStartup
{
    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<IModelContributor, ContentModel>();
        services.AddSingleton<DataMigration, ContentMigration>();
        services.AddSingleton<PublishedContentCache>();
        services.AddScoped<HomeContentService>();
        services.AddScoped<HeaderImageService>();
        services.AddScoped<IThemeGlobalsProvider, ContentThemeGlobals>();
        services.AddScoped<IRecipeStepHandler, HomeContentRecipeStep>();
        services.AddSingleton(new AdminMenuItem("Home page", ContentPaths.HomeEditor, 100));
        services.AddSingleton(new AdminMenuItem("Header image", ContentPaths.HeaderImage, 110));
        services.AddSingleton(new AdminMenuItem("Sample portal", ContentPaths.SamplePortal, 190));
    }

    public override void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        HomePreviewEndpoint.Map(endpoints);
        EditorImageUploadEndpoint.Map(endpoints);
        SamplePortalEndpoint.Map(endpoints);
    }
}
