using System.Globalization;

namespace OrchardPortal.Billing.Statements;

/// <summary>
/// Renders a <see cref="Statement"/> as a PDF (<see cref="TextPdfWriter"/>): a header, the opening
/// balance, one line per ledger row with the running balance, and the closing balance; more pages as needed.
/// </summary>
public static class StatementPdf
{
    private const double Margin = 48;
    private const double LineHeight = 14;
    private const double Size = 8.5;

    public static byte[] Render(Statement statement)
    {
        var pdf = new TextPdfWriter();
        pdf.NewPage();
        var y = Margin + 10;
        pdf.Text(Margin, y, statement.CompanyName, TextPdfWriter.Font.Bold, 16);
        y += 24;
        pdf.Text(Margin, y, "Statement of account", TextPdfWriter.Font.Bold, 11);
        y += LineHeight;
        pdf.Text(Margin, y, $"{statement.CustomerName} - Account {statement.AccountNumber}", TextPdfWriter.Font.Regular, 10);
        y += LineHeight;
        pdf.Text(Margin, y, $"{Date(statement.From)} to {Date(statement.To)}", TextPdfWriter.Font.Regular, 10);
        y += LineHeight * 2;

        void Row(string date, string reference, string description, string amount, string balance)
        {
            pdf.Text(Margin, y, date, TextPdfWriter.Font.Mono, Size);
            pdf.Text(Margin + 70, y, Fit(reference, 16), TextPdfWriter.Font.Mono, Size);
            pdf.Text(Margin + 155, y, Fit(description, 44), TextPdfWriter.Font.Mono, Size);
            Right(Margin + 445, amount);
            Right(TextPdfWriter.PageWidth - Margin, balance);
            y += LineHeight;
        }

        void Right(double edge, string text) => pdf.Text(edge - TextPdfWriter.MonoWidth(text, Size), y, text, TextPdfWriter.Font.Mono, Size);

        Row("Date", "Reference", "Description", "Amount", "Balance");
        Row(Date(statement.From), "", "Opening balance", "", statement.Money(statement.Opening));
        foreach (var row in statement.Rows)
        {
            if (y > TextPdfWriter.PageHeight - Margin)
            {
                pdf.NewPage();
                y = Margin;
                Row("Date", "Reference", "Description", "Amount", "Balance");
            }

            Row(Date(row.Entry.Date), row.Entry.Reference, row.Entry.Description, statement.Money(row.Entry.Amount), statement.Money(row.Balance));
        }

        Row(Date(statement.To), "", "Closing balance", "", statement.Money(statement.Closing));
        return pdf.ToArray();
    }

    public static string FileName(Statement statement) =>
        string.Create(CultureInfo.InvariantCulture, $"statement-{statement.AccountNumber}-{statement.From:yyyy-MM-dd}-{statement.To:yyyy-MM-dd}.pdf");

    private static string Date(DateOnly date) => date.ToString("MMM d, yyyy", CultureInfo.InvariantCulture);

    private static string Fit(string text, int length) => text.Length <= length ? text : text[..(length - 3)] + "...";
}
