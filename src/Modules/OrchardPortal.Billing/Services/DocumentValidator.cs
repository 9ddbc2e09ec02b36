using System.Globalization;
using OrchardPortal.Billing.Data;
using OrchardPortal.Customers.Models;
using OrchardPortal.Customers.Services;

namespace OrchardPortal.Billing.Services;

/// <summary>
/// The rules an invoice or estimate must meet before it is saved, and the customer facts it keeps
/// (name, property address) read through <see cref="CustomerService"/>. Messages are keyed by form field.
/// </summary>
public sealed class DocumentValidator(CustomerService customers)
{
    public const int MaxLines = 100;
    public const decimal MaxQuantity = 100_000m;
    public const int MaxQuantityDecimals = 3;
    public const int MaxRateDecimals = 3;

    /// <summary>Validates <paramref name="draft"/>; on success also returns the customer it is for.</summary>
    public async Task<(Dictionary<string, string> Errors, Customer? Customer)> ValidateAsync(DocumentDraft draft, string endDateLabel, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var customer = draft.CustomerId > 0 ? await customers.GetAsync(draft.CustomerId, cancellationToken) : null;
        if (customer is null)
        {
            errors["Customer"] = "Choose the customer (type their account number).";
        }
        else if (draft.PropertyId is { } propertyId && !customer.Addresses.Any(a => a.Id == propertyId))
        {
            errors["PropertyId"] = "Choose one of this customer's properties.";
        }

        if (draft.Number is { } number && number.Trim().Length > BillingModel.NumberLength)
        {
            errors["Number"] = $"Keep the number under {BillingModel.NumberLength} characters.";
        }

        if (draft.IssueDate == default)
        {
            errors["IssueDate"] = "Enter the date.";
        }

        if (draft.EndDate == default)
        {
            errors["EndDate"] = $"Enter the {endDateLabel.ToLowerInvariant()}.";
        }
        else if (draft.IssueDate != default && draft.EndDate < draft.IssueDate)
        {
            errors["EndDate"] = $"The {endDateLabel.ToLowerInvariant()} can't be before the date.";
        }

        if ((draft.Notes?.Length ?? 0) > BillingModel.NotesLength)
        {
            errors["Notes"] = string.Create(CultureInfo.InvariantCulture, $"Keep notes under {BillingModel.NotesLength:N0} characters.");
        }

        ValidateLines(draft.Lines, errors);
        return (errors, errors.Count == 0 ? customer : null);
    }

    private static void ValidateLines(List<LineDraft> lines, Dictionary<string, string> errors)
    {
        if (lines.Count == 0)
        {
            errors["Lines"] = "Add at least one line.";
            return;
        }

        if (lines.Count > MaxLines)
        {
            errors["Lines"] = $"Use at most {MaxLines} lines.";
            return;
        }

        long total = 0;
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var prefix = $"Lines[{i}].";
            if (string.IsNullOrWhiteSpace(line.Description))
            {
                errors[prefix + "Description"] = "Describe the work or item.";
            }
            else if (line.Description.Trim().Length > BillingModel.DescriptionLength)
            {
                errors[prefix + "Description"] = $"Keep the description under {BillingModel.DescriptionLength} characters.";
            }

            if (line.Quantity <= 0 || line.Quantity > MaxQuantity || line.Quantity != decimal.Round(line.Quantity, MaxQuantityDecimals))
            {
                errors[prefix + "Quantity"] = $"Enter a quantity above 0 and at most {MaxQuantity:N0}, with up to {MaxQuantityDecimals} decimals.";
            }

            if (line.UnitPrice < 0 || line.UnitPrice > MoneyText.MaxMajorUnits * 1000)
            {
                errors[prefix + "UnitPrice"] = "Enter a price of 0 or more.";
            }

            if (line.TaxRate < 0 || line.TaxRate > 100 || line.TaxRate != decimal.Round(line.TaxRate, MaxRateDecimals))
            {
                errors[prefix + "TaxRate"] = "Enter a tax rate from 0 to 100 percent.";
            }

            if (!errors.Keys.Any(k => k.StartsWith(prefix, StringComparison.Ordinal)))
            {
                total += LineMath.Amount(line.Quantity, line.UnitPrice);
            }
        }

        if (total > MoneyText.MaxMajorUnits * 1000)
        {
            errors["Lines"] = "The total is too large for one document; split it.";
        }
    }

    /// <summary>The property's address on one line ("Front yard property — 418 Birchwood Lane, Maple Hollow").</summary>
    public static string? PropertyText(Customer customer, long? propertyId)
    {
        var address = customer.Addresses.FirstOrDefault(a => a.Id == propertyId);
        if (address is null)
        {
            return null;
        }

        var street = string.Join(", ", new[] { address.Line1, address.Line2, address.City, address.Region, address.PostalCode }.Where(p => !string.IsNullOrWhiteSpace(p)));
        var text = string.IsNullOrWhiteSpace(address.Label) ? street : $"{address.Label} — {street}";
        return text.Length > BillingModel.PropertyLength ? text[..BillingModel.PropertyLength] : text;
    }

    public static string SearchText(string number, Customer customer)
    {
        var text = $"{number} {customer.DisplayName} {customer.AccountNumber}".ToLowerInvariant();
        return text.Length > BillingModel.SearchLength ? text[..BillingModel.SearchLength] : text;
    }
}
