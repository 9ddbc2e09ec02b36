using System.Globalization;
using PdfSharp.Drawing;
using PdfSharp.Fonts;
using PdfSharp.Pdf;

namespace OrchardPortal.Billing.Statements;

/// <summary>
/// Renders a <see cref="Statement"/> as a one-or-more-page A4/Letter-neutral PDF with PDFsharp: a header,
/// the opening balance, one line per ledger row with the running balance, and the closing balance.
/// </summary>
public static class StatementPdf
{
    private const double Margin = 48;
    private const double LineHeight = 15;

    public static byte[] Render(Statement statement)
    {
        DejaVuFontResolver.EnsureRegistered();
        using var document = new PdfDocument();
        document.Info.Title = $"Statement — {statement.CustomerName}";
        var regular = new XFont(DejaVuFontResolver.Family, 9.5, XFontStyleEx.Regular);
        var bold = new XFont(DejaVuFontResolver.Family, 9.5, XFontStyleEx.Bold);
        var title = new XFont(DejaVuFontResolver.Family, 16, XFontStyleEx.Bold);

        var page = document.AddPage();
        var gfx = XGraphics.FromPdfPage(page);
        var y = Margin;
        var width = page.Width.Point - (2 * Margin);
        var columns = new[] { Margin, Margin + 80, Margin + 180, Margin + width - 160, Margin + width };

        void Text(string text, XFont font, double x, XStringFormat format) => gfx.DrawString(text, font, XBrushes.Black, new XPoint(x, y), format);

        void Row(string date, string reference, string description, string amount, string balance, XFont font)
        {
            Text(date, font, columns[0], XStringFormats.BaseLineLeft);
            Text(Fit(reference, 16), font, columns[1], XStringFormats.BaseLineLeft);
            Text(Fit(description, 34), font, columns[2], XStringFormats.BaseLineLeft);
            Text(amount, font, columns[3] + 70, XStringFormats.BaseLineRight);
            Text(balance, font, columns[4], XStringFormats.BaseLineRight);
            y += LineHeight;
        }

        Text(statement.CompanyName, title, Margin, XStringFormats.BaseLineLeft);
        y += 24;
        Text("Statement of account", bold, Margin, XStringFormats.BaseLineLeft);
        y += LineHeight;
        Text($"{statement.CustomerName} · Account {statement.AccountNumber}", regular, Margin, XStringFormats.BaseLineLeft);
        y += LineHeight;
        Text($"{Date(statement.From)} to {Date(statement.To)}", regular, Margin, XStringFormats.BaseLineLeft);
        y += LineHeight * 2;
        Row("Date", "Reference", "Description", "Amount", "Balance", bold);
        Row(Date(statement.From), "", "Opening balance", "", statement.Money(statement.Opening), regular);
        foreach (var row in statement.Rows)
        {
            if (y > page.Height.Point - Margin - LineHeight)
            {
                gfx.Dispose();
                page = document.AddPage();
                gfx = XGraphics.FromPdfPage(page);
                y = Margin;
                Row("Date", "Reference", "Description", "Amount", "Balance", bold);
            }

            Row(Date(row.Entry.Date), row.Entry.Reference, row.Entry.Description, statement.Money(row.Entry.Amount), statement.Money(row.Balance), regular);
        }

        y += LineHeight / 2;
        Row(Date(statement.To), "", "Closing balance", "", statement.Money(statement.Closing), bold);
        gfx.Dispose();

        using var stream = new MemoryStream();
        document.Save(stream, false);
        return stream.ToArray();
    }

    public static string FileName(Statement statement) =>
        string.Create(CultureInfo.InvariantCulture, $"statement-{statement.AccountNumber}-{statement.From:yyyy-MM-dd}-{statement.To:yyyy-MM-dd}.pdf");

    private static string Date(DateOnly date) => date.ToString("MMM d, yyyy", CultureInfo.InvariantCulture);

    private static string Fit(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";
}

/// <summary>
/// PDFsharp on Linux finds no system fonts by itself: this resolver serves DejaVu Sans (Debian's
/// <c>fonts-dejavu-core</c>, in <c>/usr/share/fonts/truetype/dejavu</c>). Registered once per process.
/// </summary>
internal sealed class DejaVuFontResolver : IFontResolver
{
    public const string Family = "DejaVu Sans";
    private const string Folder = "/usr/share/fonts/truetype/dejavu";
    private static readonly Lock Gate = new();

    public static void EnsureRegistered()
    {
        lock (Gate)
        {
            GlobalFontSettings.FontResolver ??= new DejaVuFontResolver();
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool isBold, bool isItalic) =>
        new(isBold ? "DejaVuSans-Bold" : "DejaVuSans");

    public byte[]? GetFont(string faceName) => File.ReadAllBytes(Path.Combine(Folder, faceName + ".ttf"));
}
