namespace OrchardPortal.Core.Theming;

/// <summary>
/// Feeds values to theme templates without the theme knowing the module behind them: the Portal
/// module adds <c>portal.*</c>, the Content module <c>home.*</c> and <c>theme.header_image_url</c>, and so on.
/// Register implementations as scoped services; they run in registration order before every page and
/// email render (Core's own <c>site.*</c>/<c>theme.*</c> values first), so a later provider may replace
/// an earlier value. Add only plain values, dictionaries and lists (never entities): templates are
/// written by tenant staff and may read anything they are given.
/// </summary>
public interface IThemeGlobalsProvider
{
    Task ContributeAsync(ThemeRenderContext context, CancellationToken cancellationToken);
}
