using OrchardPortal.Content.HeaderImage;
using OrchardPortal.Core.Theming;

namespace OrchardPortal.Content.Services;

/// <summary>
/// What the Content module gives themes: <c>theme.header_image_url</c> (with its width and height,
/// so the layout can reserve space) and <c>home.html</c>, the published home text. A draft preview
/// passes the draft as <c>home.html</c> in its page options, which are applied after this.
/// </summary>
public sealed class ContentThemeGlobals(HeaderImageService headerImage, HomeContentService home) : IThemeGlobalsProvider
{
    public async Task ContributeAsync(ThemeRenderContext context, CancellationToken cancellationToken)
    {
        var theme = context.Section("theme");
        if (await headerImage.GetAsync(cancellationToken) is { } image)
        {
            theme["header_image_url"] = AbsoluteForEmail(context, image.Url);
            theme["header_image_width"] = image.Width;
            theme["header_image_height"] = image.Height;
        }

        if (context.Kind == ThemeRenderKind.Page)
        {
            context.Section("home")["html"] = await home.GetPublishedHtmlAsync(cancellationToken);
        }
    }

    /// <summary>Mail clients can't resolve site-relative URLs.</summary>
    private static string AbsoluteForEmail(ThemeRenderContext context, string url) =>
        context.Kind == ThemeRenderKind.Email && context.HttpContext?.Request is { } request
            ? $"{request.Scheme}://{request.Host}{url}"
            : url;
}
