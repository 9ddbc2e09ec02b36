using System.Text;
using System.Text.RegularExpressions;
using OrchardPortal.Billing.Models;
using OrchardPortal.Billing.Statements;

namespace OrchardPortal.Billing.Tests;

public sealed partial class TextPdfWriterTests
{
    [Fact]
    public void A_long_statement_spans_pages_and_every_cross_reference_points_at_its_object()
    {
        var rows = Enumerable.Range(0, 90).Select(i => new StatementRow(
            new LedgerEntry { Reference = $"INV-{i:D6}", Description = "Invoice — (spring) “clean-up” 日本", Date = new DateOnly(2026, 1, 1).AddDays(i), Amount = 1000 + i }, i)).ToList();
        var statement = new Statement(1, "Casey Brookfield", "C-000001", "Maple Hollow Lawn", new DateOnly(2026, 1, 1), new DateOnly(2026, 4, 1), 0, rows, 0, m => "$" + m);

        var bytes = StatementPdf.Render(statement);
        var text = Encoding.Latin1.GetString(bytes);

        Assert.StartsWith("%PDF-1.4", text, StringComparison.Ordinal);
        Assert.EndsWith("%%EOF\n", text, StringComparison.Ordinal);
        Assert.Matches(@"/Count 2 >>", text);
        var xref = int.Parse(StartXref().Match(text).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.StartsWith("xref", text[xref..], StringComparison.Ordinal);
        var offsets = Offset().Matches(text).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.All(offsets.Select((o, i) => (o, i)), p => Assert.StartsWith($"{p.i + 1} 0 obj", text[p.o..], StringComparison.Ordinal));
        // Parentheses are escaped inside PDF strings, and characters outside WinAnsi never break the file.
        Assert.Contains(@"\(spring\)", text, StringComparison.Ordinal);
        Assert.Contains("\"clean-up\" ??", text, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"startxref\n(\d+)\n")]
    private static partial Regex StartXref();

    [GeneratedRegex(@"(\d{10}) 00000 n")]
    private static partial Regex Offset();
}
