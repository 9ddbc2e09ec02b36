using OrchardPortal.Core.Email;

namespace OrchardPortal.Core.Tests.Email;

public sealed class HtmlToTextTests
{
    [Fact]
    public void Links_keep_their_target_next_to_their_label()
    {
        var text = HtmlToText.Convert("""<p>Please <a href="https://acme.localhost/pay?a=1&amp;b=2">pay your invoice</a>.</p>""");

        Assert.Equal("Please pay your invoice (https://acme.localhost/pay?a=1&b=2).", text);
    }

    [Fact]
    public void A_link_whose_label_is_its_address_is_written_once()
    {
        Assert.Equal("Visit https://acme.localhost", HtmlToText.Convert("""Visit <a href='https://acme.localhost'>https://acme.localhost</a>"""));
    }

    [Fact]
    public void Entities_are_decoded_and_markup_that_is_not_text_is_dropped()
    {
        var html = """
            <html><head><title>Ignore</title><style>p { color: red }</style></head>
            <body><script>alert('x')</script><!-- note --><p>Tom &amp; Jerry&nbsp;&lt;3 &mdash; <b>bold</b></p></body></html>
            """;

        Assert.Equal("Tom & Jerry <3 — bold", HtmlToText.Convert(html));
    }

    [Fact]
    public void Paragraphs_line_breaks_and_list_items_shape_the_lines_while_source_newlines_do_not()
    {
        var html = "<h1>Invoice\n   #7</h1><p>Line one<br>Line two</p><ul><li>Mowing</li><li>Edging</li></ul><table><tr><td>Total</td><td>$42</td></tr></table>";

        Assert.Equal("Invoice #7\n\nLine one\nLine two\n\n- Mowing\n- Edging\n\nTotal $42", HtmlToText.Convert(html));
    }
}
