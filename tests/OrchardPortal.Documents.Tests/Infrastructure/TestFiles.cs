using System.IO.Compression;
using System.Text;

namespace OrchardPortal.Documents.Tests.Infrastructure;

/// <summary>Small real files of each kind the tests upload.</summary>
public static class TestFiles
{
    public static byte[] Pdf(string text = "Service agreement") =>
        Encoding.ASCII.GetBytes($"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% {text}\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    public static byte[] Html() =>
        Encoding.UTF8.GetBytes("<!doctype html><html><body><script>fetch('/admin').then(r => r.text()).then(alert)</script></body></html>");

    /// <summary>A PDF header followed by a web page: passes as a PDF, so it must never be rendered as HTML.</summary>
    public static byte[] PdfWithHtml() =>
        Encoding.ASCII.GetBytes("%PDF-1.4\n<html><body><script>alert(document.cookie)</script></body></html>\n%%EOF\n");

    public static byte[] Docx() => Zip(("[Content_Types].xml", "<Types/>"), ("word/document.xml", "<w:document/>"));

    public static byte[] Png() =>
    [
        0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, (byte)'I', (byte)'H', (byte)'D', (byte)'R', 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1F, 0x15, 0xC4, 0x89,
    ];

    public static byte[] Text(string text) => Encoding.UTF8.GetBytes(text);

    private static byte[] Zip(params (string Name, string Content)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open());
                writer.Write(content);
            }
        }

        return buffer.ToArray();
    }
}
