using System.Text;
using OrchardPortal.Core.Media;

namespace OrchardPortal.Content.Tests.Media;

public sealed class SvgSanitizerTests
{
    private const string Open = "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" width=\"100\" height=\"100\">";

    /// <summary>Ways an SVG has been used to run script or reach outside itself; our own list.</summary>
    public static TheoryData<string, string> Attacks => new()
    {
        { "script element", Open + "<script>alert(1)</script></svg>" },
        { "script in CDATA", Open + "<script><![CDATA[alert(1)]]></script></svg>" },
        { "xlink script", Open + "<script xlink:href=\"https://evil.example/x.js\"/></svg>" },
        { "onload on root", "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1\" height=\"1\" onload=\"alert(1)\"/>" },
        { "onclick on shape", Open + "<rect width=\"5\" height=\"5\" onclick=\"alert(1)\"/></svg>" },
        { "mixed-case handler", Open + "<circle r=\"4\" OnMouseOver=\"alert(1)\"/></svg>" },
        { "javascript link", Open + "<a href=\"javascript:alert(1)\"><text>click</text></a></svg>" },
        { "xlink javascript link", Open + "<a xlink:href=\"javascript:alert(1)\"><rect width=\"5\" height=\"5\"/></a></svg>" },
        { "foreignObject with html", Open + "<foreignObject><body xmlns=\"http://www.w3.org/1999/xhtml\"><img src=\"x\" onerror=\"alert(1)\"/></body></foreignObject></svg>" },
        { "animate rewriting href", Open + "<a><animate attributeName=\"href\" values=\"javascript:alert(1)\"/><text>x</text></a></svg>" },
        { "set rewriting href", Open + "<a><set attributeName=\"xlink:href\" to=\"javascript:alert(1)\"/><text>x</text></a></svg>" },
        { "use of external file", Open + "<use href=\"https://evil.example/sprite.svg#icon\"/></svg>" },
        { "use of data url", Open + "<use xlink:href=\"data:image/svg+xml;base64,PHN2Zz48c2NyaXB0PmFsZXJ0KDEpPC9zY3JpcHQ+PC9zdmc+#x\"/></svg>" },
        { "image from elsewhere", Open + "<image href=\"https://tracker.example/pixel.png\" width=\"1\" height=\"1\"/></svg>" },
        { "image of nested svg", Open + "<image href=\"data:image/svg+xml,&lt;svg onload=alert(1)&gt;\" width=\"1\" height=\"1\"/></svg>" },
        { "iframe element", Open + "<iframe xmlns=\"http://www.w3.org/1999/xhtml\" src=\"javascript:alert(1)\"/></svg>" },
        { "handler element", Open + "<handler type=\"application/ecmascript\">alert(1)</handler></svg>" },
        { "style with import", Open + "<style>@import url(https://evil.example/x.css);</style></svg>" },
        { "style with external url", Open + "<style>rect{fill:url(https://evil.example/track)}</style><rect width=\"1\" height=\"1\"/></svg>" },
        { "style attribute with url", Open + "<rect width=\"1\" height=\"1\" style=\"fill:url(//evil.example/x)\"/></svg>" },
        { "style with escape trick", Open + "<style>rect{background:u\\72l(https://evil.example)}</style></svg>" },
        { "fill with external url", Open + "<rect width=\"1\" height=\"1\" fill=\"url(https://evil.example/p.svg#g)\"/></svg>" },
        { "filter with external url", Open + "<rect width=\"1\" height=\"1\" filter=\"url(https://evil.example/f.svg#f)\"/></svg>" },
        { "external entity", "<?xml version=\"1.0\"?><!DOCTYPE svg [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>" + Open + "<text>&x;</text></svg>" },
        { "processing instruction stylesheet", "<?xml-stylesheet href=\"https://evil.example/x.xsl\" type=\"text/xsl\"?>" + Open + "</svg>" },
        { "html namespace script", Open + "<html:script xmlns:html=\"http://www.w3.org/1999/xhtml\">alert(1)</html:script></svg>" },
        { "event attribute in another namespace", Open + "<rect xmlns:ev=\"http://www.w3.org/2001/xml-events\" ev:event=\"click\" ev:handler=\"#h\" width=\"1\" height=\"1\"/></svg>" },
    };

    private static readonly string[] Forbidden =
    [
        "script", "alert", "javascript", "onload", "onclick", "onmouseover", "foreignobject", "animate", "<set", "evil.example",
        "tracker.example", "iframe", "handler", "@import", "file:", "passwd", "stylesheet", "data:image/svg",
    ];

    [Theory]
    [MemberData(nameof(Attacks))]
    public void Nothing_that_can_run_or_reach_outside_the_file_survives(string name, string svg)
    {
        var clean = SvgSanitizer.Sanitize(Encoding.UTF8.GetBytes(svg));

        if (clean is null)
        {
            // Refused outright (e.g. entities): also safe.
            return;
        }

        var text = Encoding.UTF8.GetString(clean).ToLowerInvariant();
        foreach (var word in Forbidden)
        {
            Assert.False(text.Contains(word, StringComparison.Ordinal), $"{name}: '{word}' survived in {text}");
        }
    }

    [Fact]
    public void An_svg_with_an_external_entity_is_refused_rather_than_resolved()
    {
        var svg = "<!DOCTYPE svg [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>" + Open + "<text>&x;</text></svg>";

        Assert.Null(SvgSanitizer.Sanitize(Encoding.UTF8.GetBytes(svg)));
    }

    [Fact]
    public void A_typical_logo_keeps_its_drawing_gradients_styles_and_text()
    {
        var svg = Open
            + "<title>Green Acres</title><defs><linearGradient id=\"g\"><stop offset=\"0\" stop-color=\"#0a0\"/><stop offset=\"1\" stop-color=\"#060\"/></linearGradient></defs>"
            + "<style>.leaf{fill:url(#g)}</style>"
            + "<g transform=\"translate(2 2)\"><path class=\"leaf\" d=\"M0 0L10 10Z\"/><circle cx=\"5\" cy=\"5\" r=\"4\" fill=\"url(#g)\" stroke=\"#030\"/></g>"
            + "<use xlink:href=\"#g\"/><text x=\"20\" y=\"40\" font-family=\"Georgia\">Green Acres</text>"
            + "<a href=\"https://example.com\"><rect width=\"3\" height=\"3\"/></a></svg>";

        var text = Encoding.UTF8.GetString(SvgSanitizer.Sanitize(Encoding.UTF8.GetBytes(svg))!);

        Assert.Contains("<linearGradient id=\"g\">", text, StringComparison.Ordinal);
        Assert.Contains(".leaf{fill:url(#g)}", text, StringComparison.Ordinal);
        Assert.Contains("d=\"M0 0L10 10Z\"", text, StringComparison.Ordinal);
        Assert.Contains("fill=\"url(#g)\"", text, StringComparison.Ordinal);
        Assert.Contains("xlink:href=\"#g\"", text, StringComparison.Ordinal);
        Assert.Contains(">Green Acres</text>", text, StringComparison.Ordinal);
        Assert.Contains("<rect width=\"3\" height=\"3\" />", text, StringComparison.Ordinal);
        Assert.DoesNotContain("example.com", text, StringComparison.Ordinal);
        Assert.StartsWith("<svg xmlns:xlink=\"http://www.w3.org/1999/xlink\" width=\"100\" height=\"100\" xmlns=\"http://www.w3.org/2000/svg\">", text, StringComparison.Ordinal);
    }

    [Fact]
    public void An_embedded_raster_picture_is_kept()
    {
        var png = "data:image/png;base64,iVBORw0KGgo=";
        var text = Encoding.UTF8.GetString(SvgSanitizer.Sanitize(Encoding.UTF8.GetBytes(Open + $"<image href=\"{png}\" width=\"1\" height=\"1\"/></svg>"))!);

        Assert.Contains($"href=\"{png}\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_without_the_svg_namespace_gets_it_so_browsers_render_it()
    {
        var text = Encoding.UTF8.GetString(SvgSanitizer.Sanitize("<svg width=\"4\" height=\"4\"><rect width=\"4\" height=\"4\"/></svg>"u8)!);

        Assert.Contains("xmlns=\"http://www.w3.org/2000/svg\"", text, StringComparison.Ordinal);
        Assert.Contains("<rect", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Sanitising_twice_changes_nothing()
    {
        var once = SvgSanitizer.Sanitize(Encoding.UTF8.GetBytes(Open + "<g onclick=\"x()\"><rect width=\"1\" height=\"1\" fill=\"#fff\"/></g><script>x</script></svg>"))!;

        Assert.Equal(once, SvgSanitizer.Sanitize(once));
    }
}
