using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using OrchardPortal.Core.Media;

namespace OrchardPortal.Content.Sanitizing;

/// <summary>
/// Cleans staff-written page HTML against an allow-list before it is stored. The input is parsed the
/// way a browser parses it, and a new tree is built from allowed elements and attributes only, so
/// nothing unexpected can ride along: no scripts or event handlers, no <c>javascript:</c>/<c>data:</c>
/// links, no styles, forms, foreign markup (SVG/MathML) or frames except YouTube/Vimeo videos, which
/// are rebuilt from their id. Links opening a new tab get <c>rel="noopener noreferrer"</c>; images
/// must come from the tenant's own media. The result is stable: cleaning it again changes nothing.
/// </summary>
public static partial class HtmlSanitizer
{
    /// <summary>Generous for a home page full of text; far below what could strain a render.</summary>
    public const int MaxInputLength = 500_000;

    private static readonly HtmlParser Parser = new(new HtmlParserOptions { IsScripting = true });

    public static string Sanitize(string? html)
    {
        if (string.IsNullOrWhiteSpace(html))
        {
            return "";
        }

        if (html.Length > MaxInputLength)
        {
            throw new ArgumentException($"Page content is limited to {MaxInputLength:N0} characters.", nameof(html));
        }

        var document = Parser.ParseDocument("");
        var nodes = Parser.ParseFragment(html, document.Body!);
        var output = document.CreateElement("div");
        foreach (var node in nodes.ToArray())
        {
            CopyNode(node, output, document);
        }

        return output.InnerHtml.Trim();
    }

    private static void CopyNode(INode node, IElement parent, IDocument document)
    {
        switch (node)
        {
            case IText text:
                parent.AppendChild(document.CreateTextNode(text.Data));
                break;
            case IElement element:
                CopyElement(element, parent, document);
                break;
        }
    }

    private static void CopyChildren(INode from, IElement to, IDocument document)
    {
        foreach (var child in from.ChildNodes.ToArray())
        {
            CopyNode(child, to, document);
        }
    }

    private static void CopyElement(IElement element, IElement parent, IDocument document)
    {
        // An HTML-looking name inside SVG or MathML is not an HTML element; never reinterpret it.
        if (element.NamespaceUri != NamespaceNames.HtmlUri)
        {
            return;
        }

        var name = element.LocalName;
        if (name == "iframe")
        {
            AppendVideo(element, parent, document);
            return;
        }

        if (HtmlAllowList.Dropped.Contains(name))
        {
            return;
        }

        var target = HtmlAllowList.Renamed.GetValueOrDefault(name) ?? (HtmlAllowList.Elements.Contains(name) ? name : null);
        if (target is null)
        {
            // Layout wrappers (div, span, table, font, …) go; their content stays.
            CopyChildren(element, parent, document);
            return;
        }

        var copy = document.CreateElement(target);
        if (!CopyAttributes(element, copy))
        {
            return;
        }

        if (target is not ("img" or "br" or "hr"))
        {
            CopyChildren(element, copy, document);
        }

        parent.AppendChild(copy);
    }

    /// <summary>Copies the allowed attributes of one element; false when the element must go (an image from elsewhere).</summary>
    private static bool CopyAttributes(IElement from, IElement to)
    {
        switch (to.LocalName)
        {
            case "a":
                if (SafeLink(from.GetAttribute("href")) is { } href)
                {
                    to.SetAttribute("href", href);
                }

                CopyText(from, to, "title", 200);
                if (from.GetAttribute("target")?.Trim().Equals("_blank", StringComparison.OrdinalIgnoreCase) == true && to.HasAttribute("href"))
                {
                    to.SetAttribute("target", "_blank");
                    to.SetAttribute("rel", "noopener noreferrer");
                }

                return true;
            case "img":
                if (MediaPaths.FromUrl(from.GetAttribute("src")?.Trim()) is not { } path)
                {
                    return false;
                }

                to.SetAttribute("src", MediaPaths.UrlPrefix + path);
                to.SetAttribute("alt", Clip(from.GetAttribute("alt") ?? "", 300));
                CopyText(from, to, "title", 200);
                CopyNumber(from, to, "width");
                CopyNumber(from, to, "height");
                return true;
            case "ol":
                CopyNumber(from, to, "start");
                return true;
            default:
                return true;
        }
    }

    private static void AppendVideo(IElement iframe, IElement parent, IDocument document)
    {
        if (VideoEmbeds.TryNormalize(iframe.GetAttribute("src")) is not { } video)
        {
            return;
        }

        var wrapper = document.CreateElement("div");
        wrapper.SetAttribute("class", "video-embed");
        var frame = document.CreateElement("iframe");
        frame.SetAttribute("src", video.EmbedUrl);
        var title = Clip(iframe.GetAttribute("title") ?? "", 200);
        frame.SetAttribute("title", title.Length > 0 ? title : video.Provider + " video");
        frame.SetAttribute("width", "560");
        frame.SetAttribute("height", "315");
        frame.SetAttribute("loading", "lazy");
        frame.SetAttribute("allow", "accelerometer; encrypted-media; gyroscope; picture-in-picture; fullscreen");
        frame.SetAttribute("allowfullscreen", "");
        frame.SetAttribute("referrerpolicy", "strict-origin-when-cross-origin");
        frame.SetAttribute("sandbox", "allow-scripts allow-same-origin allow-presentation allow-popups");
        wrapper.AppendChild(frame);
        parent.AppendChild(wrapper);
    }

    /// <summary>
    /// The href to keep, or null. Browsers ignore tabs and newlines inside URLs and trim control
    /// characters and spaces around them, so the scheme is judged on the URL as a browser would read it.
    /// </summary>
    internal static string? SafeLink(string? href)
    {
        if (href is null)
        {
            return null;
        }

        var url = href.Replace("\t", "", StringComparison.Ordinal).Replace("\n", "", StringComparison.Ordinal).Replace("\r", "", StringComparison.Ordinal)
            .Trim(ControlAndSpace);
        if (url.Length == 0 || url.Length > 2000)
        {
            return null;
        }

        var end = url.IndexOfAny([':', '/', '?', '#']);
        if (end < 0 || url[end] != ':')
        {
            // No scheme: a relative link, an anchor or a query on this site.
            return url;
        }

        return HtmlAllowList.LinkSchemes.Contains(url[..end].ToLowerInvariant()) ? url : null;
    }

    private static readonly char[] ControlAndSpace = [.. Enumerable.Range(0, 0x21).Select(i => (char)i)];

    private static void CopyText(IElement from, IElement to, string attribute, int maxLength)
    {
        var value = from.GetAttribute(attribute);
        if (!string.IsNullOrWhiteSpace(value))
        {
            to.SetAttribute(attribute, Clip(value, maxLength));
        }
    }

    private static void CopyNumber(IElement from, IElement to, string attribute)
    {
        var value = from.GetAttribute(attribute)?.Trim();
        if (value is not null && NumberPattern().IsMatch(value))
        {
            to.SetAttribute(attribute, value);
        }
    }

    private static string Clip(string value, int maxLength)
    {
        var clean = new string([.. value.Where(c => !char.IsControl(c))]).Trim();
        return clean.Length <= maxLength ? clean : clean[..maxLength];
    }

    [GeneratedRegex("^[1-9][0-9]{0,4}\\z")]
    private static partial Regex NumberPattern();
}
