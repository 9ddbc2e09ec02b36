using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OrchardPortal.Content.Services;
using OrchardPortal.Core.Hosting;
using OrchardPortal.Core.Theming;
using OrchardPortal.Staff.Services;

namespace OrchardPortal.Content.HomeEditor;

/// <summary>
/// The saved draft of the home text inside the real theme, exactly as customers would see it once
/// published, under a banner saying it isn't live. Staff only; lives under /admin so the staff cookie
/// (scoped to that path) reaches it.
/// </summary>
public static class HomePreviewEndpoint
{
    public const string Banner = "Preview — not published. Customers don't see this yet.";

    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet(ContentPaths.HomePreview, RenderAsync)
            .WithMetadata(new SiteScopeAttribute(Site.Tenant))
            .RequireAuthorization(StaffAuth.StaffPolicy);

    private static async Task<IResult> RenderAsync(HomeContentService content, IThemeRenderer renderer, CancellationToken cancellationToken)
    {
        var page = await content.GetPageAsync(cancellationToken);
        var options = new ThemePageOptions
        {
            Preview = true,
            Banner = Banner,
            Globals = new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["home"] = new Dictionary<string, object?>(StringComparer.Ordinal) { ["html"] = page.DraftHtml },
            },
        };
        return await renderer.RenderPageAsync("Home", new Dictionary<string, object?>(StringComparer.Ordinal), options, cancellationToken);
    }
}
