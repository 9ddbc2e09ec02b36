namespace OrchardPortal.Liquid.Tests.Engine;

public sealed class ParseErrorTests
{
    [Fact]
    public void Parse_errors_report_line_column_and_an_excerpt()
    {
        var exception = Assert.Throws<LiquidParseException>(() =>
            new LiquidEnvironment().Parse("Hello\n  {% if x %}\n{{ 'never closed' }}", "page"));

        Assert.Equal(2, exception.Line);
        Assert.Equal(3, exception.Column);
        Assert.Contains("{% if x %}", exception.Excerpt, StringComparison.Ordinal);
        Assert.Contains("page", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Errors_inside_markup_point_at_the_offending_token()
    {
        var exception = Assert.Throws<LiquidParseException>(() => new LiquidEnvironment().Parse("ab\ncd {{ x | }}"));

        Assert.Equal(2, exception.Line);
        Assert.Equal(11, exception.Column);
        Assert.Contains("{{ x | }}", exception.Excerpt, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{% nosuchtag %}")]
    [InlineData("{% if true %}never closed")]
    [InlineData("{{ unterminated")]
    [InlineData("{% endif %}")]
    [InlineData("{% for x in %}{% endfor %}")]
    public void Broken_templates_fail_in_lax_mode_too(string source)
    {
        Assert.Throws<LiquidParseException>(() => new LiquidEnvironment().Parse(source));
    }

    [Fact]
    public void Strict_mode_rejects_trailing_markup_that_lax_mode_ignores()
    {
        const string Source = "{{ a b }}";
        Assert.Equal("1", new LiquidEnvironment().Parse(Source).Render(new TemplateContext(new LiquidEnvironment(), [new("a", 1)])));
        Assert.Throws<LiquidParseException>(() => new LiquidEnvironment { ParseMode = LiquidParseMode.Strict }.Parse(Source));
    }
}
