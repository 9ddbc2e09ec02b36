using System.Text;
using System.Xml;

namespace OrchardPortal.Core.Media;

/// <summary>
/// Reading SVG as XML safely: no DTD processing (a DOCTYPE is skipped, so entity tricks such as
/// "billion laughs" or external entities fail instead of expanding), no resolver, bounded size.
/// </summary>
internal static class SvgXml
{
    public const string Namespace = "http://www.w3.org/2000/svg";
    public const string XlinkNamespace = "http://www.w3.org/1999/xlink";

    public static XmlReader CreateReader(ReadOnlySpan<byte> data)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Ignore,
            XmlResolver = null,
            MaxCharactersFromEntities = 1024,
            MaxCharactersInDocument = 16 * 1024 * 1024,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            CloseInput = true,
        };
        return XmlReader.Create(new MemoryStream(data.ToArray(), writable: false), settings);
    }

    /// <summary>Whether the bytes look like an XML/SVG text document at all (BOM, whitespace, then '&lt;').</summary>
    public static bool LooksLikeMarkup(ReadOnlySpan<byte> data)
    {
        if (data.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            data = data[3..];
        }

        var start = data.IndexOfAnyExcept(" \t\r\n"u8);
        return start >= 0 && data[start] == (byte)'<';
    }

    /// <summary>Whether an "&lt;svg" tag appears near the start (the file meant to be an SVG, even if broken).</summary>
    public static bool MentionsSvg(ReadOnlySpan<byte> data)
    {
        var head = Encoding.UTF8.GetString(data[..Math.Min(data.Length, 4096)]);
        return head.Contains("<svg", StringComparison.OrdinalIgnoreCase);
    }
}
