using OrchardPortal.Liquid.Filters;
using static OrchardPortal.Liquid.Tests.Filters.FilterTestKit;

namespace OrchardPortal.Liquid.Tests.Filters;

public sealed class EncodingFilterTests
{
    [Fact]
    public void Url_encode_form_encodes_utf8()
    {
        Assert.Equal("email+address+is+bob%40example.com%21", Call(StandardFilters.UrlEncode, "email address is bob@example.com!"));
        Assert.Equal("caf%C3%A9+%F0%9F%98%80~_.-", Call(StandardFilters.UrlEncode, "café 😀~_.-"));
        Assert.Null(Call(StandardFilters.UrlEncode, null));
    }

    [Fact]
    public void Url_decode_reverses_url_encode_and_keeps_stray_percents()
    {
        Assert.Equal("email address is bob@example.com!", Call(StandardFilters.UrlDecode, "email+address+is+bob%40example.com%21"));
        Assert.Equal("café 😀", Call(StandardFilters.UrlDecode, "caf%C3%A9+%F0%9F%98%80"));
        Assert.Equal("100% sure %zz", Call(StandardFilters.UrlDecode, "100%25+sure+%zz"));
    }

    [Fact]
    public void Url_decode_of_bytes_that_are_not_utf8_is_an_error()
    {
        Assert.Throws<LiquidRenderException>(() => Call(StandardFilters.UrlDecode, "%FF%FE"));
    }

    [Fact]
    public void Base64_round_trips_utf8_text()
    {
        Assert.Equal("XyMvLg==", Call(StandardFilters.Base64Encode, "_#/."));
        Assert.Equal("_#/.", Call(StandardFilters.Base64Decode, "XyMvLg=="));
        Assert.Equal("NQ==", Call(StandardFilters.Base64Encode, 5L));
        Assert.Equal("w6k=", Call(StandardFilters.Base64Encode, "é"));
        Assert.Equal(string.Empty, Call(StandardFilters.Base64Encode, null));
    }

    [Theory]
    [InlineData("5")]
    [InlineData("XyMvLg")]
    [InlineData("XyMv Lg==")]
    [InlineData("XyMv-g==")]
    public void Base64_decode_is_strict(string text)
    {
        var error = Assert.Throws<LiquidRenderException>(() => Call(StandardFilters.Base64Decode, text));
        Assert.Contains("base64", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Url_safe_base64_uses_dash_and_underscore_and_tolerates_missing_padding()
    {
        Assert.Equal("Pz8-Pg==", Call(StandardFilters.Base64UrlSafeEncode, "??>>"));
        Assert.Equal("??>>", Call(StandardFilters.Base64UrlSafeDecode, "Pz8-Pg"));
        Assert.Equal("_#/.", Call(StandardFilters.Base64UrlSafeDecode, "XyMvLg=="));
    }
}
