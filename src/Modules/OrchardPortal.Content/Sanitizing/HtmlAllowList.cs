namespace OrchardPortal.Content.Sanitizing;

/// <summary>
/// What page content may contain. Everything not listed is unwrapped (its text kept) or, when it
/// can run code, load something, take input or change how the page is parsed, dropped with its content.
/// </summary>
internal static class HtmlAllowList
{
    /// <summary>Elements kept as they are (with only the attributes <see cref="HtmlSanitizer"/> allows for them).</summary>
    public static readonly HashSet<string> Elements = new(StringComparer.Ordinal)
    {
        "p", "br", "hr", "h2", "h3", "h4", "strong", "em", "u", "s", "blockquote", "ul", "ol", "li",
        "code", "pre", "sub", "sup", "figure", "figcaption", "a", "img",
    };

    /// <summary>Elements kept under another name: the theme owns the page's h1, and b/i mean strong/em.</summary>
    public static readonly Dictionary<string, string> Renamed = new(StringComparer.Ordinal)
    {
        ["h1"] = "h2",
        ["h5"] = "h4",
        ["h6"] = "h4",
        ["b"] = "strong",
        ["i"] = "em",
        ["strike"] = "s",
        ["del"] = "s",
    };

    /// <summary>Dropped with everything inside: code, plugins, forms, document-level and foreign-markup elements.</summary>
    public static readonly HashSet<string> Dropped = new(StringComparer.Ordinal)
    {
        "script", "style", "link", "meta", "base", "title", "head", "template", "slot",
        "iframe", "frame", "frameset", "object", "embed", "applet", "param", "portal", "fencedframe",
        "form", "input", "button", "select", "option", "optgroup", "textarea", "datalist", "output", "label", "fieldset", "legend",
        "svg", "math", "noscript", "noembed", "noframes", "xmp", "plaintext", "listing",
        "audio", "video", "source", "track", "canvas", "picture", "map", "area", "dialog", "menu", "search",
    };

    /// <summary>Schemes a link may use; anything else (javascript:, vbscript:, data:, file:, …) loses its href.</summary>
    public static readonly HashSet<string> LinkSchemes = new(StringComparer.Ordinal) { "http", "https", "mailto", "tel" };
}
