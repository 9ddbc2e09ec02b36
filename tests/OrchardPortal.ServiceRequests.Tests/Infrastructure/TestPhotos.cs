using System.Text;

namespace OrchardPortal.ServiceRequests.Tests.Infrastructure;

/// <summary>Small real files of each kind the tests attach.</summary>
public static class TestPhotos
{
    public static byte[] Png() =>
    [
        0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, (byte)'I', (byte)'H', (byte)'D', (byte)'R', 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1F, 0x15, 0xC4, 0x89,
    ];

    public static byte[] Jpeg() => [0xFF, 0xD8, 0xFF, 0xE0, 0, 16, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0, 0xFF, 0xD9];

    /// <summary>An ISO-BMFF header with the HEIC brand, as phones write it.</summary>
    public static byte[] Heic() => [0, 0, 0, 24, (byte)'f', (byte)'t', (byte)'y', (byte)'p', (byte)'h', (byte)'e', (byte)'i', (byte)'c', 0, 0, 0, 0, (byte)'m', (byte)'i', (byte)'f', (byte)'1', (byte)'h', (byte)'e', (byte)'i', (byte)'c'];

    public static byte[] Html() =>
        Encoding.UTF8.GetBytes("<!doctype html><html><body><script>fetch('/admin').then(r => r.text()).then(alert)</script></body></html>");

    /// <summary>A valid JPEG start padded to <paramref name="length"/> bytes.</summary>
    public static byte[] JpegOfSize(long length)
    {
        var bytes = new byte[length];
        Jpeg().CopyTo(bytes, 0);
        return bytes;
    }
}
