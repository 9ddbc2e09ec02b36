using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OrchardPortal.Core.Hosting;
using OrchardPortal.Core.Theming;
using OrchardPortal.Staff.Services;

namespace OrchardPortal.Content.SamplePortal;

/// <summary>
/// "View sample portal": the tenant's portal, in its real theme with its saved settings, as the
/// made-up <see cref="SamplePortalData"/> customer sees it — without any customer account or sign-in.
/// Staff only, under a banner. Colour settings can be tried before saving them by passing them in
/// the query (<c>?theme_color=%23aa3300</c>); only valid hex colours are accepted.
/// </summary>
public static partial class SamplePortalEndpoint
{
    public const string Banner = "Sample portal — this is a preview of what your customers see, with a made-up customer. Nothing here is real.";

    /// <summary>The URL segment of each portal tab and the theme view that renders it.</summary>
    private static readonly Dictionary<string, string> Views = new(StringComparer.Ordinal)
    {
        [""] = "Home",
        ["payments"] = "Payments",
        ["invoices"] = "Invoices",
        ["estimates"] = "Estimates",
        ["history"] = "History",
        ["schedule"] = "Schedule",
        ["service-notes"] = "ServiceNotes",
        ["request-service"] = "RequestService",
        ["documents"] = "Documents",
        ["messages"] = "Messages",
    };

    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet(ContentPaths.SamplePortal + "/{tab?}", RenderAsync)
            .WithMetadata(new SiteScopeAttribute(Site.Tenant))
            .RequireAuthorization(StaffAuth.StaffPolicy);

    private static async Task<IResult> RenderAsync(string? tab, HttpRequest request, IThemeRenderer renderer, SiteProfileService site, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!Views.TryGetValue(tab ?? "", out var view))
        {
            return Results.NotFound();
        }

        var profile = await site.GetAsync(cancellationToken);
        var now = TimeZoneInfo.ConvertTime(clock.GetUtcNow(), profile.TimeZone);
        var options = new ThemePageOptions
        {
            Preview = true,
            Banner = Banner,
            Settings = UnsavedColors(request.Query),
            Globals = new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["portal"] = new Dictionary<string, object?>(StringComparer.Ordinal)
                {
                    ["customer"] = SamplePortalData.Customer(now, profile.Currency),
                    ["is_sample"] = true,
                },
            },
            // Tab links stay inside the sample instead of leading to the real (signed-out) portal.
            Items = new Dictionary<string, object?>(StringComparer.Ordinal) { [ThemeRenderItems.PortalBasePath] = ContentPaths.SamplePortal },
        };
        return await renderer.RenderPageAsync(view, new Dictionary<string, object?>(StringComparer.Ordinal), options, cancellationToken);
    }

    /// <summary>Colour settings to try without saving: <c>*_color</c> names with #rgb/#rrggbb values only.</summary>
    private static Dictionary<string, string>? UnsavedColors(IQueryCollection query)
    {
        var colors = query
            .Where(q => SettingNamePattern().IsMatch(q.Key) && q.Value.Count == 1 && HexColorPattern().IsMatch(q.Value[0] ?? ""))
            .ToDictionary(q => q.Key, q => q.Value[0]!, StringComparer.Ordinal);
        return colors.Count == 0 ? null : colors;
    }

    [GeneratedRegex("^[a-z][a-z_]{0,40}_color\\z")]
    private static partial Regex SettingNamePattern();

    [GeneratedRegex("^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})\\z")]
    private static partial Regex HexColorPattern();
}
