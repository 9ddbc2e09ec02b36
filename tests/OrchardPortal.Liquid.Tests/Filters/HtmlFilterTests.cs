using OrchardPortal.Liquid.Filters;
using static OrchardPortal.Liquid.Tests.Filters.FilterTestKit;

namespace OrchardPortal.Liquid.Tests.Filters;

public sealed class HtmlFilterTests
{
    [Fact]
    public void Escape_encodes_the_five_html_specials()
    {
        Assert.Equal("&lt;p class=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/p&gt;", Call(StandardFilters.Escape, "<p class=\"x\">Tom & Jerry's</p>"));
        Assert.Equal("plain", Call(StandardFilters.Escape, "plain"));
        Assert.Equal("5", Call(StandardFilters.Escape, 5L));
        Assert.Null(Call(StandardFilters.Escape, null));
    }

    [Fact]
    public void Escape_once_leaves_existing_entities_alone()
    {
        Assert.Equal("&lt;p&gt;test&lt;/p&gt;&lt;p&gt;", Call(StandardFilters.EscapeOnce, "&lt;p&gt;test&lt;/p&gt;<p>"));
        Assert.Equal("&amp;#x20; &#20; &amp; &amp;;", Call(StandardFilters.EscapeOnce, "&#x20; &#20; & &;"));
    }

    [Theory]
    [InlineData("<div>test</div>", "test")]
    [InlineData("<div\nclass='multiline'>test</div>", "test")]
    [InlineData("<!-- foo bar \n test -->test", "test")]
    [InlineData("<script type='text/javascript'>document.write('some stuff');</script>", "")]
    [InlineData("<style type='text/css'>foo bar</style>after", "after")]
    [InlineData("Have <em>you</em> read <strong>Ulysses</strong> &amp; &#20;?", "Have you read Ulysses &amp; &#20;?")]
    [InlineData("a < b and c > d", "a  d")]
    [InlineData("1 < 2", "1 < 2")]
    [InlineData("<script>never closed", "never closed")]
    public void Strip_html_removes_blocks_then_tags(string html, string expected)
    {
        Assert.Equal(expected, Call(StandardFilters.StripHtml, html));
    }
}
