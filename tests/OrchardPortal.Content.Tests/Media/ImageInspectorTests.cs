using System.Text;
using OrchardPortal.Content.Tests.Infrastructure;
using OrchardPortal.Core.Media;

namespace OrchardPortal.Content.Tests.Media;

public sealed class ImageInspectorTests
{
    public static TheoryData<string, byte[], ImageFormat, int, int> Images => new()
    {
        { "png 1x1", TestImages.Png(1, 1), ImageFormat.Png, 1, 1 },
        { "png 640x200", TestImages.Png(640, 200), ImageFormat.Png, 640, 200 },
        { "gif 1x1", TestImages.Gif(1, 1), ImageFormat.Gif, 1, 1 },
        { "gif 300x75", TestImages.Gif(300, 75), ImageFormat.Gif, 300, 75 },
        { "jpeg 1x1", TestImages.Jpeg(1, 1), ImageFormat.Jpeg, 1, 1 },
        { "jpeg 1024x768", TestImages.Jpeg(1024, 768), ImageFormat.Jpeg, 1024, 768 },
        { "progressive jpeg", TestImages.Jpeg(800, 600, sofMarker: 0xC2), ImageFormat.Jpeg, 800, 600 },
        { "webp lossless 1x1", TestImages.WebPLossless1x1(), ImageFormat.WebP, 1, 1 },
        { "webp lossless", TestImages.WebPLossless(1200, 300), ImageFormat.WebP, 1200, 300 },
        { "webp lossy", TestImages.WebPLossy(320, 240), ImageFormat.WebP, 320, 240 },
        { "webp extended", TestImages.WebPExtended(5000, 1), ImageFormat.WebP, 5000, 1 },
        { "svg width/height", TestImages.Svg(), ImageFormat.Svg, 120, 40 },
        { "svg px units", TestImages.Svg("width=\"200px\" height=\"50px\""), ImageFormat.Svg, 200, 50 },
        { "svg viewBox only", TestImages.Svg("viewBox=\"0 0 300 100\""), ImageFormat.Svg, 300, 100 },
        { "svg percent size uses viewBox", TestImages.Svg("width=\"100%\" height=\"100%\" viewBox=\"0,0,64,32\""), ImageFormat.Svg, 64, 32 },
        { "svg width + viewBox ratio", TestImages.Svg("width=\"400\" viewBox=\"0 0 200 50\""), ImageFormat.Svg, 400, 100 },
        { "svg in inches", TestImages.Svg("width=\"1in\" height=\"0.5in\""), ImageFormat.Svg, 96, 48 },
        { "svg with prolog", Encoding.UTF8.GetBytes("\uFEFF<?xml version=\"1.0\"?>\n<!-- logo -->\n<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\" \"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd\">\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"20\"/>"), ImageFormat.Svg, 10, 20 },
    };

    [Theory]
    [MemberData(nameof(Images))]
    public void Reads_the_format_and_size_from_the_file_itself(string name, byte[] data, ImageFormat format, int width, int height)
    {
        var result = ImageInspector.Inspect(data);

        Assert.True(result.IsImage, $"{name}: {result.Error}");
        Assert.Equal(new ImageInfo(format, width, height), result.Image);
    }

    public static TheoryData<string, byte[]> NotImages => new()
    {
        { "html", Encoding.UTF8.GetBytes("<!doctype html><html><body><script>alert(1)</script></body></html>") },
        { "plain text", Encoding.UTF8.GetBytes("just some notes") },
        { "pdf", Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj\n<<>>\nendobj\n") },
        { "xml that isn't svg", Encoding.UTF8.GetBytes("<?xml version=\"1.0\"?><note><to>you</to></note>") },
        { "xhtml", Encoding.UTF8.GetBytes("<html xmlns=\"http://www.w3.org/1999/xhtml\"><body><svg/></body></html>") },
        { "bmp", [0x42, 0x4D, 0x3A, 0, 0, 0, 0, 0, 0, 0, 0x36, 0, 0, 0, 0x28, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0] },
        { "zip", [0x50, 0x4B, 0x03, 0x04, 0x14, 0, 0, 0] },
        { "riff wave", Encoding.ASCII.GetBytes("RIFF\x24\0\0\0WAVEfmt \x10\0\0\0\x01\0\x01\0") },
    };

    [Theory]
    [MemberData(nameof(NotImages))]
    public void Refuses_files_that_are_not_images_with_a_clear_message(string name, byte[] data)
    {
        var result = ImageInspector.Inspect(data);

        Assert.False(result.IsImage, name);
        Assert.Equal(ImageInspector.NotAnImage, result.Error);
    }

    public static TheoryData<string, byte[], string> Damaged => new()
    {
        { "png cut short", TestImages.Png(20, 20)[..40], "PNG" },
        { "png without IHDR first", [.. TestImages.Png(2, 2).Take(8), 0, 0, 0, 0, (byte)'I', (byte)'E', (byte)'N', (byte)'D', 0xAE, 0x42, 0x60, 0x82], "PNG" },
        { "png 0x0", TestImages.Png(0, 0), "PNG" },
        { "jpeg with no frame header", [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x04, 0x00, 0x00, 0xFF, 0xD9], "JPEG" },
        { "jpeg cut inside a segment", TestImages.Jpeg(10, 10)[..12], "JPEG" },
        { "gif without trailer", TestImages.Gif(4, 4)[..^1], "GIF" },
        { "webp with unknown chunk", [.. "RIFF"u8, 22, 0, 0, 0, .. "WEBP"u8, .. "ABCD"u8, 10, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], "WebP" },
        { "webp truncated", TestImages.WebPLossy(10, 10)[..24], "WebP" },
        { "svg that isn't well-formed", Encoding.UTF8.GetBytes("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1\" height=\"1\"><g></svg>"), "SVG" },
        { "svg with entity expansion", Encoding.UTF8.GetBytes("<!DOCTYPE svg [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;\">]><svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1\" height=\"1\"><text>&b;</text></svg>"), "SVG" },
    };

    [Theory]
    [MemberData(nameof(Damaged))]
    public void Refuses_damaged_images_naming_their_format(string name, byte[] data, string format)
    {
        var result = ImageInspector.Inspect(data);

        Assert.False(result.IsImage, name);
        Assert.Contains(format, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_an_svg_without_any_size()
    {
        var result = ImageInspector.Inspect(TestImages.Svg(attributes: ""));

        Assert.False(result.IsImage);
        Assert.Contains("no size", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_images_too_large_for_a_browser_to_handle_comfortably()
    {
        var result = ImageInspector.Inspect(TestImages.WebPExtended(20_000, 100));

        Assert.False(result.IsImage);
        Assert.Contains("20000 × 100", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_an_empty_file()
    {
        Assert.Contains("empty", ImageInspector.Inspect([]).Error, StringComparison.Ordinal);
    }
}
