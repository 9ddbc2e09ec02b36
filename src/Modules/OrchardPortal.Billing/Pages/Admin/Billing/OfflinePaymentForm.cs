using System.Globalization;
using OrchardPortal.Billing.Ledger;
using OrchardPortal.Billing.Models;
using OrchardPortal.Billing.Services;

namespace OrchardPortal.Billing.Pages.Admin.Billing;

/// <summary>
/// Staff record a cash, check or other offline payment against one invoice. The key is made when the
/// form is shown, so a double click or a resubmitted form records the payment once.
/// </summary>
public sealed class OfflinePaymentForm
{
    public string? Amount { get; set; }

    public string? Method { get; set; } = "check";

    public string? CheckNumber { get; set; }

    public string? ReceivedDate { get; set; }

    public string? Note { get; set; }

    public string Key { get; set; } = "";

    public static OfflinePaymentForm For(Invoice invoice, DateOnly today, CultureInfo culture) => new()
    {
        Amount = MoneyText.ForInput(invoice.Balance, invoice.Currency, culture),
        ReceivedDate = today.ToString(DocumentForm.DateFormat, CultureInfo.InvariantCulture),
        Key = "staff:" + Guid.NewGuid().ToString("N"),
    };

    /// <summary>The request to record, or messages keyed by field. Never above the invoice's balance.</summary>
    public (PaymentRequest? Request, Dictionary<string, string> Errors) ToRequest(Invoice invoice, string staffName, CultureInfo culture, Func<long, string> money)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!invoice.IsOpenForPayment)
        {
            errors[""] = $"Invoice {invoice.Number} is {InvoiceStatusRule.Label(invoice.Status).ToLowerInvariant()}: there is nothing to pay on it.";
            return (null, errors);
        }

        if (!MoneyText.TryParse(Amount, invoice.Currency, culture, out var amount) || amount <= 0)
        {
            errors[nameof(Amount)] = "Enter the amount received, above zero.";
        }
        else if (amount > invoice.Balance)
        {
            errors[nameof(Amount)] = $"That is more than the balance of {money(invoice.Balance)}. Record at most the balance.";
        }

        var method = Method switch
        {
            "cash" => PaymentMethodKind.Cash,
            "check" => PaymentMethodKind.Check,
            "other" => PaymentMethodKind.Other,
            _ => (PaymentMethodKind?)null,
        };
        if (method is null)
        {
            errors[nameof(Method)] = "Choose cash, check or other.";
        }

        var checkNumber = CheckNumber?.Trim();
        if (method == PaymentMethodKind.Check && string.IsNullOrEmpty(checkNumber))
        {
            errors[nameof(CheckNumber)] = "Enter the check number.";
        }
        else if (checkNumber?.Length > 30)
        {
            errors[nameof(CheckNumber)] = "Keep the check number under 30 characters.";
        }

        if (!DateOnly.TryParseExact(ReceivedDate?.Trim(), DocumentForm.DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var received))
        {
            errors[nameof(ReceivedDate)] = "Enter the date you received it.";
        }

        if (Note?.Length > 500)
        {
            errors[nameof(Note)] = "Keep the note under 500 characters.";
        }

        if (string.IsNullOrWhiteSpace(Key) || Key.Length > 100)
        {
            errors[""] = "This form is out of date: reload the page and try again.";
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        return (new PaymentRequest
        {
            CustomerId = invoice.CustomerId,
            Amount = amount,
            Method = method!.Value,
            ExternalReference = method == PaymentMethodKind.Check ? checkNumber : null,
            IdempotencyKey = Key,
            ReceivedDate = received,
            Allocations = [new InvoiceAllocation(invoice.Id, amount)],
            Note = Note,
            RecordedBy = staffName,
        }, errors);
    }
}
