using OrchardPortal.Core.Theming;

namespace OrchardPortal.Portal.Tests.Theming;

public sealed class ColorContrastTests
{
    [Theory]
    [InlineData("#2f6b3a", "#2f6b3a")]
    [InlineData("#FFF", "#ffffff")]
    [InlineData(" #0a0 ", "#00aa00")]
    [InlineData("#AbCdEf", "#abcdef")]
    public void Hex_colours_in_short_and_long_form_are_accepted_and_normalised(string input, string expected) =>
        Assert.Equal(expected, ColorContrast.Normalize(input));

    [Theory]
    [InlineData("")]
    [InlineData("2f6b3a")]
    [InlineData("#2f6b3")]
    [InlineData("#ggg")]
    [InlineData("red")]
    [InlineData("#2f6b3a80")]
    [InlineData("rgb(0,0,0)")]
    [InlineData(null)]
    public void Anything_but_a_hex_colour_is_refused(string? input) =>
        Assert.False(ColorContrast.TryParse(input, out _));

    [Fact]
    public void Black_on_white_has_the_maximum_contrast_of_21_to_1()
    {
        Assert.Equal(0, ColorContrast.RelativeLuminance(RgbColor.Black), 6);
        Assert.Equal(1, ColorContrast.RelativeLuminance(RgbColor.White), 6);
        Assert.Equal(21, ColorContrast.ContrastRatio(RgbColor.Black, RgbColor.White), 6);
        Assert.Equal(1, ColorContrast.ContrastRatio(RgbColor.White, RgbColor.White), 6);
    }

    [Theory]
    [InlineData("#ffeb3b", "#000000")] // yellow
    [InlineData("#f4f6f0", "#000000")] // off-white page
    [InlineData("#1e3a8a", "#ffffff")] // navy
    [InlineData("#2f6b3a", "#ffffff")] // the default green
    [InlineData("#000000", "#ffffff")]
    [InlineData("#ff0000", "#000000")] // pure red: black text reads better (5.25 vs 4.0)
    public void Text_on_a_colour_is_black_or_white_whichever_contrasts_more(string background, string expected)
    {
        var color = Parse(background);

        var text = ColorContrast.ReadableTextColor(color);

        Assert.Equal(expected, text.ToHex());
        var other = text == RgbColor.Black ? RgbColor.White : RgbColor.Black;
        Assert.True(ColorContrast.ContrastRatio(text, color) >= ColorContrast.ContrastRatio(other, color));
    }

    [Theory]
    [InlineData("#a3e635", "#ffffff")] // lime links on white: far too light
    [InlineData("#facc15", "#ffffff")]
    [InlineData("#60a5fa", "#1e293b")] // light blue on a dark page
    [InlineData("#2f6b3a", "#f4f6f0")]
    public void A_link_colour_is_darkened_or_lightened_until_it_reads_at_AA(string link, string background)
    {
        var fg = Parse(link);
        var bg = Parse(background);

        var adjusted = ColorContrast.EnsureContrast(fg, bg);

        Assert.True(ColorContrast.ContrastRatio(adjusted, bg) >= 4.5, $"{adjusted} on {background}");
    }

    [Fact]
    public void A_link_colour_that_already_reads_well_is_kept_exactly()
    {
        var navy = Parse("#1e3a8a");

        Assert.Equal(navy, ColorContrast.EnsureContrast(navy, RgbColor.White));
    }

    private static RgbColor Parse(string hex)
    {
        Assert.True(ColorContrast.TryParse(hex, out var color), hex);
        return color;
    }
}
