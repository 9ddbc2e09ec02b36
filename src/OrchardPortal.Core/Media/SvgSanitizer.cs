using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;

namespace OrchardPortal.Core.Media;

/// <summary>
/// Rebuilds an uploaded SVG from an allow-list of drawing elements and attributes, so what we store
/// can't run script when opened on its own: scripts, event handlers, foreignObject (HTML inside
/// SVG), animation (which can rewrite links), links and references to anything outside the file,
/// DOCTYPE/entities, comments and processing instructions are dropped. Links (<c>&lt;a&gt;</c>) are
/// unwrapped, keeping the drawing inside. The served copy also gets a restrictive CSP; this is the
/// first fence, not the only one.
/// </summary>
public static partial class SvgSanitizer
{
    private static readonly XNamespace Svg = SvgXml.Namespace;
    private static readonly XNamespace Xlink = SvgXml.XlinkNamespace;

    /// <summary>The sanitised document as UTF-8, or null when the input isn't an SVG document.</summary>
    public static byte[]? Sanitize(ReadOnlySpan<byte> data)
    {
        XElement source;
        try
        {
            using var reader = SvgXml.CreateReader(data);
            source = XElement.Load(reader, LoadOptions.None);
        }
        catch (XmlException)
        {
            return null;
        }

        if (source.Name.LocalName != "svg" || !IsSvgNamespace(source.Name.Namespace))
        {
            return null;
        }

        var clean = new XElement(Svg + "svg", new XAttribute(XNamespace.Xmlns + "xlink", Xlink.NamespaceName));
        CopyAttributes(source, clean);
        CopyChildren(source, clean);

        var output = new MemoryStream();
        using (var writer = XmlWriter.Create(output, new XmlWriterSettings { Encoding = new UTF8Encoding(false), OmitXmlDeclaration = true }))
        {
            clean.Save(writer);
        }

        return output.ToArray();
    }

    /// <summary>A file without a namespace is treated as SVG (browsers need one, so the copy gets it).</summary>
    private static bool IsSvgNamespace(XNamespace ns) => ns == Svg || ns == XNamespace.None;

    private static void CopyChildren(XElement from, XElement to)
    {
        foreach (var node in from.Nodes())
        {
            switch (node)
            {
                case XText text when SvgAllowList.TextElements.Contains(from.Name.LocalName):
                    if (from.Name.LocalName != "style" || IsSafeCss(text.Value))
                    {
                        to.Add(new XText(text.Value));
                    }

                    break;
                case XElement element when IsSvgNamespace(element.Name.Namespace):
                    CopyElement(element, to);
                    break;
            }
        }
    }

    private static void CopyElement(XElement element, XElement parent)
    {
        var name = element.Name.LocalName;
        if (name == "a")
        {
            CopyChildren(element, parent);
            return;
        }

        if (!SvgAllowList.Elements.Contains(name))
        {
            return;
        }

        var copy = new XElement(Svg + name);
        CopyAttributes(element, copy);
        CopyChildren(element, copy);
        parent.Add(copy);
    }

    private static void CopyAttributes(XElement from, XElement to)
    {
        foreach (var attribute in from.Attributes())
        {
            if (attribute.IsNamespaceDeclaration)
            {
                continue;
            }

            var ns = attribute.Name.Namespace;
            var name = attribute.Name.LocalName;
            var value = attribute.Value;
            if ((ns == Xlink || ns == XNamespace.None) && name == "href")
            {
                if (IsSafeReference(from.Name.LocalName, value))
                {
                    to.SetAttributeValue(ns == Xlink ? Xlink + "href" : "href", value);
                }
            }
            else if (ns == XNamespace.Xml && name == "space")
            {
                to.SetAttributeValue(XNamespace.Xml + "space", value == "preserve" ? "preserve" : "default");
            }
            else if (ns == XNamespace.None && SvgAllowList.Attributes.Contains(name) && IsSafeValue(name, value))
            {
                to.SetAttributeValue(name, value);
            }
        }
    }

    /// <summary>Only references inside the file (<c>#id</c>), and embedded raster pictures on <c>&lt;image&gt;</c>.</summary>
    private static bool IsSafeReference(string element, string value)
    {
        var trimmed = value.Trim();
        if (FragmentPattern().IsMatch(trimmed))
        {
            return element != "image";
        }

        return element == "image" && EmbeddedRasterPattern().IsMatch(trimmed);
    }

    private static bool IsSafeValue(string name, string value) =>
        name == "style" ? IsSafeCss(value) : !value.Contains("url(", StringComparison.OrdinalIgnoreCase) || OnlyLocalUrls(value);

    /// <summary>
    /// CSS is kept only when it can't reach outside the file or hide tricks: no imports, no escapes,
    /// no legacy script hooks, and every <c>url()</c> points at an element of this document.
    /// </summary>
    internal static bool IsSafeCss(string css) =>
        !css.Contains('\\', StringComparison.Ordinal)
        && !css.Contains('@', StringComparison.Ordinal)
        && !css.Contains("expression", StringComparison.OrdinalIgnoreCase)
        && !css.Contains("javascript", StringComparison.OrdinalIgnoreCase)
        && !css.Contains("behavior", StringComparison.OrdinalIgnoreCase)
        && !css.Contains("binding", StringComparison.OrdinalIgnoreCase)
        && !css.Contains('<', StringComparison.Ordinal)
        && OnlyLocalUrls(css);

    private static bool OnlyLocalUrls(string value) =>
        UrlPattern().Matches(value).All(m => m.Groups[1].Value.Trim().Trim('\'', '"').StartsWith('#'));

    [GeneratedRegex(@"^#[A-Za-z_][\w.\-:]*$")]
    private static partial Regex FragmentPattern();

    [GeneratedRegex(@"^data:image/(png|jpeg|gif|webp);base64,[A-Za-z0-9+/=\s]+$")]
    private static partial Regex EmbeddedRasterPattern();

    [GeneratedRegex(@"url\s*\(([^)]*)\)?", RegexOptions.IgnoreCase)]
    private static partial Regex UrlPattern();
}
