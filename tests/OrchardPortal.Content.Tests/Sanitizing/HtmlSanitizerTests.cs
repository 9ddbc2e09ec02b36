using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using OrchardPortal.Content.Sanitizing;

namespace OrchardPortal.Content.Tests.Sanitizing;

public sealed class HtmlSanitizerTests
{
    private const string MediaImage = "/media/content/0123456789abcdef0123456789abcdef.png";

    public static TheoryData<string> Vectors => [.. XssVectors.All];

    [Theory]
    [MemberData(nameof(Vectors))]
    public void No_known_xss_vector_survives(string vector)
    {
        var clean = HtmlSanitizer.Sanitize(vector);

        AssertOnlyAllowedMarkup(clean);
        Assert.DoesNotContain("<script", clean, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", clean, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("evil.example", clean, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void What_the_sanitiser_outputs_parses_back_to_the_same_thing(string vector)
    {
        // A browser re-parses the stored HTML; if that changed the tree, the check above would have
        // judged a different document than the one customers get (mutation XSS).
        var clean = HtmlSanitizer.Sanitize(vector);

        Assert.Equal(clean, HtmlSanitizer.Sanitize(clean));
    }

    [Fact]
    public void Ordinary_formatting_survives_unchanged()
    {
        const string html = "<h2>Welcome</h2><p>Hello <strong>there</strong> and <em>you</em>, <u>underlined</u> <s>old</s>.</p>"
            + "<h3>What you can do</h3><ul><li>Pay an invoice</li><li>Request service</li></ul><ol start=\"3\"><li>Three</li></ol>"
            + "<blockquote><p>Great service!</p></blockquote><hr>"
            + "<p><a href=\"https://example.com/a?b=1&amp;c=2#d\">site</a> <a href=\"mailto:office@example.com\">mail</a> <a href=\"tel:+1-555-0100\">call</a> <a href=\"/invoices\">invoices</a> <a href=\"#faq\">faq</a></p>";

        Assert.Equal(html, HtmlSanitizer.Sanitize(html));
    }

    [Fact]
    public void Links_opening_a_new_tab_get_noopener()
    {
        Assert.Equal(
            "<p><a href=\"https://example.com\" target=\"_blank\" rel=\"noopener noreferrer\">x</a></p>",
            HtmlSanitizer.Sanitize("<p><a href=\"https://example.com\" target=\"_blank\" rel=\"opener\">x</a></p>"));
    }

    [Fact]
    public void A_link_with_a_forbidden_scheme_keeps_its_text_but_loses_the_link()
    {
        Assert.Equal("<p><a>Pay now</a></p>", HtmlSanitizer.Sanitize("<p><a href=\"javascript:pay()\" target=\"_blank\">Pay now</a></p>"));
    }

    [Fact]
    public void Pictures_from_the_tenants_media_survive_with_their_description()
    {
        Assert.Equal(
            $"<p><img src=\"{MediaImage}\" alt=\"Our crew\" width=\"640\" height=\"480\"></p>",
            HtmlSanitizer.Sanitize($"<p><img src=\"{MediaImage}\" alt=\"Our crew\" width=\"640\" height=\"480\" class=\"x\" style=\"float:left\"></p>"));
    }

    [Theory]
    [InlineData("https://cdn.example/a.png")]
    [InlineData("//cdn.example/a.png")]
    [InlineData("/media/content/not-an-id.png")]
    [InlineData("/media/content/0123456789abcdef0123456789abcdef.exe")]
    [InlineData("data:image/png;base64,iVBORw0KGgo=")]
    public void Pictures_from_anywhere_else_are_removed(string src)
    {
        Assert.Equal("<p>before after</p>", HtmlSanitizer.Sanitize($"<p>before <img src=\"{src}\" alt=\"x\">after</p>"));
    }

    [Fact]
    public void The_page_title_level_is_kept_for_the_theme()
    {
        Assert.Equal("<h2>Big</h2><h4>Small</h4><p><strong>b</strong><em>i</em></p>", HtmlSanitizer.Sanitize("<h1>Big</h1><h6>Small</h6><p><b>b</b><i>i</i></p>"));
    }

    [Fact]
    public void Layout_wrappers_go_but_their_text_stays()
    {
        Assert.Equal(
            "<p>Hello world</p>Cell one Cell two",
            HtmlSanitizer.Sanitize("<div class=\"x\"><section><p><span style=\"color:red\">Hello</span> <font face=\"Arial\">world</font></p></section></div><table><tr><td>Cell one</td> <td>Cell two</td></tr></table>"));
    }

    [Theory]
    [InlineData("https://www.youtube.com/embed/dQw4w9WgXcQ", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ", "YouTube video")]
    [InlineData("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?start=42", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?start=42", "YouTube video")]
    [InlineData("https://player.vimeo.com/video/76979871", "https://player.vimeo.com/video/76979871?dnt=1", "Vimeo video")]
    public void Youtube_and_vimeo_frames_are_rebuilt_with_safe_attributes(string src, string embed, string title)
    {
        var clean = HtmlSanitizer.Sanitize($"<iframe src=\"{src}\" onload=\"x()\" style=\"position:fixed\" allow=\"camera; microphone\" name=\"top\"></iframe>");

        Assert.Equal(
            $"<div class=\"video-embed\"><iframe src=\"{embed}\" title=\"{title}\" width=\"560\" height=\"315\" loading=\"lazy\" "
            + "allow=\"accelerometer; encrypted-media; gyroscope; picture-in-picture; fullscreen\" allowfullscreen=\"\" "
            + "referrerpolicy=\"strict-origin-when-cross-origin\" sandbox=\"allow-scripts allow-same-origin allow-presentation allow-popups\"></iframe></div>",
            clean);
        Assert.Equal(clean, HtmlSanitizer.Sanitize(clean));
    }

    [Fact]
    public void A_video_keeps_its_own_title()
    {
        Assert.Contains(
            "title=\"Spring clean-up tips\"",
            HtmlSanitizer.Sanitize("<div class=\"video-embed\"><iframe src=\"https://youtu.be/dQw4w9WgXcQ\" title=\"Spring clean-up tips\"></iframe></div>"),
            StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_input_is_empty_output()
    {
        Assert.Equal("", HtmlSanitizer.Sanitize(null));
        Assert.Equal("", HtmlSanitizer.Sanitize("   "));
        Assert.Equal("", HtmlSanitizer.Sanitize("<script>only</script>"));
    }

    [Fact]
    public void Text_that_looks_like_markup_stays_text()
    {
        Assert.Equal("<p>1 &lt; 2 &amp;&amp; 3 &gt; 2 &lt;script&gt;</p>", HtmlSanitizer.Sanitize("<p>1 &lt; 2 &amp;&amp; 3 &gt; 2 &lt;script&gt;</p>"));
    }

    [Fact]
    public void Overlong_input_is_refused()
    {
        Assert.Throws<ArgumentException>(() => HtmlSanitizer.Sanitize(new string('a', HtmlSanitizer.MaxInputLength + 1)));
    }

    private static readonly HashSet<string> AllowedElements = new(StringComparer.Ordinal)
    {
        "p", "br", "hr", "h2", "h3", "h4", "strong", "em", "u", "s", "blockquote", "ul", "ol", "li", "code", "pre",
        "sub", "sup", "figure", "figcaption", "a", "img", "div", "iframe",
    };

    private static readonly HashSet<string> AllowedAttributes = new(StringComparer.Ordinal)
    {
        "href", "title", "target", "rel", "src", "alt", "width", "height", "start", "class", "loading", "allow",
        "allowfullscreen", "referrerpolicy", "sandbox",
    };

    /// <summary>Parses the output as a browser would and checks every element and attribute against what we allow.</summary>
    private static void AssertOnlyAllowedMarkup(string html)
    {
        var parser = new HtmlParser(new HtmlParserOptions { IsScripting = true });
        var document = parser.ParseDocument("");
        foreach (var element in parser.ParseFragment(html, document.Body!).OfType<IElement>().SelectMany(e => e.DescendantsAndSelf<IElement>()))
        {
            Assert.True(element.NamespaceUri == NamespaceNames.HtmlUri && AllowedElements.Contains(element.LocalName), $"<{element.LocalName}> in {html}");
            foreach (var attribute in element.Attributes)
            {
                Assert.True(AllowedAttributes.Contains(attribute.Name), $"attribute {attribute.Name} in {html}");
            }

            switch (element.LocalName)
            {
                case "a" when element.GetAttribute("href") is { } href:
                    Assert.Matches("^(https?:|mailto:|tel:|/[^/]|#|[^:]*$)", href);
                    break;
                case "img":
                    Assert.Matches("^/media/[a-z0-9-]+/[0-9a-f]{32}\\.(png|jpg|gif|webp|svg)$", element.GetAttribute("src") ?? "");
                    break;
                case "iframe":
                    Assert.Matches("^https://(www\\.youtube-nocookie\\.com/embed/|player\\.vimeo\\.com/video/)", element.GetAttribute("src") ?? "");
                    Assert.Equal("video-embed", element.ParentElement?.GetAttribute("class"));
                    break;
                case "div":
                    Assert.Equal("video-embed", element.GetAttribute("class"));
                    break;
            }
        }
    }
}
