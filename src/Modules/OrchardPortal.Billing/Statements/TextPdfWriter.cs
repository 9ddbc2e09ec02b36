using System.Globalization;
using System.Text;

namespace OrchardPortal.Billing.Statements;

/// <summary>
/// A minimal text-only PDF 1.4 writer: US Letter pages of lines of text in the standard Type1 fonts
/// (Helvetica, Helvetica-Bold, Courier), which every PDF reader has, so nothing is embedded. Why our own:
/// PDFsharp 6.5 refuses to create a document until a commercial license key is loaded or the AGPL is
/// accepted in code, a licensing decision for the product that a statement of account does not justify.
/// Text is written in WinAnsi; characters outside it become close ASCII equivalents or "?".
/// </summary>
public sealed class TextPdfWriter
{
    public const double PageWidth = 612;
    public const double PageHeight = 792;

    private readonly List<StringBuilder> _pages = [];

    public enum Font
    {
        Regular,
        Bold,
        Mono,
    }

    public int PageCount => _pages.Count;

    public void NewPage() => _pages.Add(new StringBuilder());

    /// <summary>Writes <paramref name="text"/> with its baseline at (<paramref name="x"/>, <paramref name="y"/>), y measured from the top.</summary>
    public void Text(double x, double y, string text, Font font, double size)
    {
        if (_pages.Count == 0)
        {
            NewPage();
        }

        var name = font switch { Font.Bold => "F2", Font.Mono => "F3", _ => "F1" };
        _pages[^1].Append(CultureInfo.InvariantCulture, $"BT /{name} {size:0.##} Tf {x:0.##} {PageHeight - y:0.##} Td ({Escape(text)}) Tj ET\n");
    }

    /// <summary>Courier is 600/1000 em wide per character: what right-aligning a column needs.</summary>
    public static double MonoWidth(string text, double size) => text.Length * size * 0.6;

    public byte[] ToArray()
    {
        if (_pages.Count == 0)
        {
            NewPage();
        }

        var objects = new List<string>
        {
            "<< /Type /Catalog /Pages 2 0 R >>",
            "", // the page tree, once the page ids are known
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Courier /Encoding /WinAnsiEncoding >>",
        };
        var kids = new List<int>();
        foreach (var page in _pages)
        {
            var content = page.ToString();
            objects.Add(string.Create(CultureInfo.InvariantCulture, $"<< /Length {Latin1.GetByteCount(content)} >>\nstream\n{content}endstream"));
            var contentId = objects.Count;
            objects.Add(string.Create(CultureInfo.InvariantCulture,
                $"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {PageWidth} {PageHeight}] /Resources << /Font << /F1 3 0 R /F2 4 0 R /F3 5 0 R >> >> /Contents {contentId} 0 R >>"));
            kids.Add(objects.Count);
        }

        objects[1] = string.Create(CultureInfo.InvariantCulture, $"<< /Type /Pages /Kids [{string.Join(" ", kids.Select(k => k + " 0 R"))}] /Count {kids.Count} >>");

        using var output = new MemoryStream();
        var offsets = new List<long>();
        Write(output, "%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n");
        for (var i = 0; i < objects.Count; i++)
        {
            offsets.Add(output.Position);
            Write(output, string.Create(CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n{objects[i]}\nendobj\n"));
        }

        var xref = output.Position;
        var table = new StringBuilder().Append(CultureInfo.InvariantCulture, $"xref\n0 {objects.Count + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            table.Append(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        }

        table.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Count + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        Write(output, table.ToString());
        return output.ToArray();
    }

    private static readonly Encoding Latin1 = Encoding.Latin1;

    private static void Write(Stream stream, string text) => stream.Write(Latin1.GetBytes(text));

    // PDF string syntax, in WinAnsi: backslash, parentheses escaped; typographic marks to ASCII; the rest "?".
    private static string Escape(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            var mapped = c switch
            {
                '\\' or '(' or ')' => "\\" + c,
                '\u2013' or '\u2014' or '\u2212' => "-",
                '\u2018' or '\u2019' => "'",
                '\u201C' or '\u201D' => "\"",
                '\u2026' => "...",
                '\u00A0' or '\u202F' => " ",
                < ' ' => " ",
                <= '\u00FF' => c.ToString(),
                _ => "?",
            };
            builder.Append(mapped);
        }

        return builder.ToString();
    }
}
