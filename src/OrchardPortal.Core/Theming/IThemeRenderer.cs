using Microsoft.AspNetCore.Http;

namespace OrchardPortal.Core.Theming;

/// <summary>
/// The one rendering pipeline for customer pages and emails: the tenant's active theme, its overrides
/// (a failing override falls back to the theme's original), its settings and every
/// <see cref="IThemeGlobalsProvider"/>. Scoped: use it inside a tenant's request or scope.
/// </summary>
public interface IThemeRenderer
{
    /// <summary>
    /// Renders <c>Views/{view}.liquid</c> inside <c>Views/Layout.liquid</c> (or the layout the view names
    /// with <c>{% layout %}</c>) with HTML auto-escaping on. <paramref name="model"/>'s entries become global
    /// variables next to the providers' (<c>site</c>, <c>theme</c>, <c>portal</c>, …) and <c>page</c>.
    /// </summary>
    Task<IResult> RenderPageAsync(string view, IDictionary<string, object?> model, ThemePageOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Renders the email <c>Views/Emails/{view}.liquid</c> (HTML, auto-escaped) inside <c>Views/Emails/Layout.liquid</c>.
    /// Its subject is its <c>{% section 'subject' %}</c>; its text part is <c>Views/Emails/{view}.text.liquid</c>
    /// (rendered without HTML escaping) when the theme has one, otherwise derived from the HTML.
    /// </summary>
    Task<RenderedEmail> RenderEmailAsync(string view, IDictionary<string, object?> model, ThemeEmailOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Renders an email whose templates are not theme views but Liquid <em>source</em> kept elsewhere (the
    /// tenant's email templates): the subject and text part without HTML escaping, the HTML part escaped and
    /// placed inside <c>Views/Emails/Layout.liquid</c> (with the same globals and sandbox limits as
    /// <see cref="RenderEmailAsync"/>). A failing staff template throws its <see cref="Liquid.LiquidException"/>,
    /// so the caller can fall back to its default; a failing layout override falls back to the theme's layout.
    /// </summary>
    Task<RenderedEmail> RenderEmailSourceAsync(EmailSourceTemplates templates, IDictionary<string, object?> model, ThemeEmailOptions? options = null, CancellationToken cancellationToken = default);
}

/// <summary>Parsed email templates for <see cref="IThemeRenderer.RenderEmailSourceAsync"/> (parse them with <see cref="ThemeEngine.Environment"/>).</summary>
/// <param name="Subject">One line of Liquid; whitespace in the result is collapsed.</param>
/// <param name="Html">The HTML body, shown inside the email layout.</param>
/// <param name="Text">The plain-text part, or null to derive it from the HTML.</param>
public sealed record EmailSourceTemplates(Liquid.LiquidTemplate Subject, Liquid.LiquidTemplate Html, Liquid.LiquidTemplate? Text);

/// <summary>How to render a page.</summary>
public sealed record ThemePageOptions
{
    /// <summary>A staff preview: never cached, not indexed, and providers may show drafts.</summary>
    public bool Preview { get; init; }

    /// <summary>Text of the banner above the page (e.g. "Preview — customers don't see this yet", "TEST MODE").</summary>
    public string? Banner { get; init; }

    /// <summary>The page's title (<c>page.title</c>); the layout adds the company name.</summary>
    public string? Title { get; init; }

    public int StatusCode { get; init; } = StatusCodes.Status200OK;

    /// <summary>Globals applied after every provider: a dictionary value is merged into the global object of that name (<c>{"home": {"html": draft}}</c> replaces only <c>home.html</c>).</summary>
    public IReadOnlyDictionary<string, object?>? Globals { get; init; }

    /// <summary>Unsaved theme setting values to show instead of the saved ones (e.g. <c>theme_color</c> while staff try colours).</summary>
    public IReadOnlyDictionary<string, string>? Settings { get; init; }

    /// <summary>Values for <see cref="IThemeGlobalsProvider"/>s (<see cref="ThemeRenderContext.Items"/>), never shown to templates.</summary>
    public IReadOnlyDictionary<string, object?>? Items { get; init; }
}

/// <summary>How to render an email.</summary>
public sealed record ThemeEmailOptions
{
    /// <summary>Origin for absolute links and asset URLs, e.g. <c>https://acme.example.com</c>; defaults to the current request's.</summary>
    public string? BaseUrl { get; init; }

    public IReadOnlyDictionary<string, object?>? Globals { get; init; }

    public IReadOnlyDictionary<string, object?>? Items { get; init; }
}

/// <summary>A rendered email, ready for an <c>OutboundEmail</c>.</summary>
public sealed record RenderedEmail(string Subject, string HtmlBody, string TextBody);
