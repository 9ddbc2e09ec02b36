using System.Globalization;
using OrchardPortal.Billing.Models;
using OrchardPortal.Billing.Services;
using OrchardPortal.Customers.Services;

namespace OrchardPortal.Billing.Pages.Admin.Billing;

/// <summary>
/// The invoice/estimate form as typed: every field is text, so nothing a person types can fail model
/// binding; <see cref="ToDraftAsync"/> turns it into a <see cref="DocumentDraft"/> with a message per
/// field it cannot read. Blank line rows (the spare ones) are ignored.
/// </summary>
public sealed class DocumentForm
{
    public const string DateFormat = "yyyy-MM-dd";

    public string? CustomerAccount { get; set; }

    public string? PropertyId { get; set; }

    public string? Number { get; set; }

    public string? IssueDate { get; set; }

    public string? EndDate { get; set; }

    public string? Notes { get; set; }

    public List<LineForm> Lines { get; set; } = [];

    public static DocumentForm From(string accountNumber, string number, long? propertyId, DateOnly issue, DateOnly end, string? notes, IEnumerable<ILineItem> lines, string currency, CultureInfo culture) => new()
    {
        CustomerAccount = accountNumber,
        Number = number,
        PropertyId = propertyId?.ToString(CultureInfo.InvariantCulture),
        IssueDate = issue.ToString(DateFormat, CultureInfo.InvariantCulture),
        EndDate = end.ToString(DateFormat, CultureInfo.InvariantCulture),
        Notes = notes,
        Lines = [.. lines.OrderBy(l => l.Position).Select(l => new LineForm
        {
            Description = l.Description,
            Quantity = l.Quantity.ToString("0.###", culture),
            UnitPrice = MoneyText.ForInput(l.UnitPrice, currency, culture),
            TaxRate = l.TaxRate == 0 ? "" : l.TaxRate.ToString("0.###", culture),
        })],
    };

    public async Task<(DocumentDraft Draft, Dictionary<string, string> Errors)> ToDraftAsync(CustomerService customers, string currency, CultureInfo culture, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var draft = new DocumentDraft { Number = Number?.Trim(), Notes = Notes };
        if (!string.IsNullOrWhiteSpace(CustomerAccount))
        {
            var customer = await customers.FindByAccountNumberAsync(CustomerAccount.Trim(), cancellationToken);
            if (customer is null)
            {
                errors["Customer"] = $"No customer has account number “{CustomerAccount.Trim()}”.";
            }
            else
            {
                draft.CustomerId = customer.Id;
            }
        }
        else
        {
            errors["Customer"] = "Enter the customer's account number.";
        }

        if (!string.IsNullOrWhiteSpace(PropertyId))
        {
            draft.PropertyId = long.TryParse(PropertyId, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : -1;
        }

        draft.IssueDate = ParseDate(IssueDate, "IssueDate", errors);
        draft.EndDate = ParseDate(EndDate, "EndDate", errors);
        var index = 0;
        foreach (var line in Lines.Where(l => !l.IsBlank))
        {
            var prefix = $"Lines[{index}].";
            var draftLine = new LineDraft { Description = line.Description?.Trim() ?? "" };
            if (!decimal.TryParse(string.IsNullOrWhiteSpace(line.Quantity) ? "1" : line.Quantity, NumberStyles.Number, culture, out var quantity))
            {
                errors[prefix + "Quantity"] = "Enter the quantity as a number, like 1 or 1.5.";
            }

            if (!MoneyText.TryParse(line.UnitPrice, currency, culture, out var price))
            {
                errors[prefix + "UnitPrice"] = $"Enter the price as an amount in {currency}, like {MoneyText.ForInput(4550, currency, culture)}.";
            }

            if (!decimal.TryParse(string.IsNullOrWhiteSpace(line.TaxRate) ? "0" : line.TaxRate.Replace("%", "", StringComparison.Ordinal), NumberStyles.Number, culture, out var rate))
            {
                errors[prefix + "TaxRate"] = "Enter the tax rate as a percentage, like 8.25.";
            }

            (draftLine.Quantity, draftLine.UnitPrice, draftLine.TaxRate) = (quantity, price, rate);
            draft.Lines.Add(draftLine);
            index++;
        }

        // Rows renumbered without the blanks: keep the form in that order so messages land on the right row.
        Lines = [.. Lines.Where(l => !l.IsBlank)];
        return (draft, errors);
    }

    private static DateOnly ParseDate(string? text, string field, Dictionary<string, string> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return default;
        }

        if (DateOnly.TryParseExact(text.Trim(), DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        errors[field] = "Enter a date.";
        return default;
    }
}

public sealed class LineForm
{
    public string? Description { get; set; }

    public string? Quantity { get; set; }

    public string? UnitPrice { get; set; }

    public string? TaxRate { get; set; }

    public bool IsBlank => string.IsNullOrWhiteSpace(Description) && string.IsNullOrWhiteSpace(UnitPrice)
        && (string.IsNullOrWhiteSpace(Quantity) || Quantity.Trim() == "1") && string.IsNullOrWhiteSpace(TaxRate);
}
