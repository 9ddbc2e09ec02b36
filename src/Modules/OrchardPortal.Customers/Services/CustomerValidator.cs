using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using OrchardPortal.Core.Data;
using OrchardPortal.Core.Security;
using OrchardPortal.Customers.Models;
using M = OrchardPortal.Customers.Data.CustomersModel;

namespace OrchardPortal.Customers.Services;

/// <summary>
/// Every rule a customer record must satisfy, in one place: the admin forms, bulk import, recipes and
/// approved contact-change requests all go through it. Errors are keyed by field path relative to the
/// details object (<c>AccountNumber</c>, <c>Emails[1].Address</c>), so a form prefixes its model name.
/// </summary>
public sealed partial class CustomerValidator(TenantDbContext db)
{
    public const int MaxEmails = 10;
    public const int MaxPhones = 10;
    public const int MaxAddresses = 25;

    /// <summary>
    /// All problems of the details, including an account number another customer has. <c>customerId</c> is
    /// the customer being edited (its own number is no clash), or null when creating.
    /// </summary>
    public async Task<Dictionary<string, string>> ValidateAsync(CustomerDetails details, long? customerId, CancellationToken cancellationToken)
    {
        var errors = ValidateFields(details);
        var accountNumber = CustomerText.Clean(details.AccountNumber);
        if (accountNumber is not null && !errors.ContainsKey(nameof(CustomerDetails.AccountNumber)))
        {
            var key = CustomerText.AccountKey(accountNumber);
            var holder = await db.Set<Customer>().AsNoTracking()
                .Where(c => c.AccountKey == key && c.Id != (customerId ?? 0))
                .Select(c => c.DisplayName)
                .FirstOrDefaultAsync(cancellationToken);
            if (holder is not null)
            {
                errors[nameof(CustomerDetails.AccountNumber)] = DuplicateAccountNumber(accountNumber, holder);
            }
        }

        return errors;
    }

    public static string DuplicateAccountNumber(string accountNumber, string holder) =>
        $"Account number {accountNumber} already belongs to {holder}. Use another, or leave it blank to get the next free number.";

    /// <summary>The rules that need no database: formats, lengths, required values, primaries.</summary>
    public static Dictionary<string, string> ValidateFields(CustomerDetails details)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var accountNumber = CustomerText.Clean(details.AccountNumber);
        if (accountNumber is not null && !AccountNumberPattern().IsMatch(accountNumber))
        {
            errors[nameof(CustomerDetails.AccountNumber)] = "Use 1 to 30 letters, digits, hyphens (-) or underscores (_), like C-000123.";
        }

        ValidateContact(details, errors);
        if (details.Notes is { Length: > M.NotesLength })
        {
            errors[nameof(CustomerDetails.Notes)] = string.Create(CultureInfo.InvariantCulture, $"Keep notes under {M.NotesLength:N0} characters.");
        }

        return errors;
    }

    /// <summary>The contact rules (names, emails, phones, addresses), shared with contact-change requests.</summary>
    public static Dictionary<string, string> ValidateContact(ContactDetails details, Dictionary<string, string>? into = null)
    {
        var errors = into ?? new Dictionary<string, string>(StringComparer.Ordinal);
        Line(errors, nameof(ContactDetails.FirstName), details.FirstName, M.NameLength);
        Line(errors, nameof(ContactDetails.LastName), details.LastName, M.NameLength);
        Line(errors, nameof(ContactDetails.CompanyName), details.CompanyName, M.CompanyLength);
        if (CustomerText.DisplayName(details.FirstName, details.LastName, details.CompanyName).Length == 0)
        {
            errors.TryAdd(nameof(ContactDetails.FirstName), "Enter the customer's name, or a company name.");
        }

        ValidateEmails(details.Emails, errors);
        ValidatePhones(details.Phones, errors);
        ValidateAddresses(details.Addresses, errors);
        return errors;
    }

    private static void ValidateEmails(List<EmailDetails> emails, Dictionary<string, string> errors)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var primaries = 0;
        var count = 0;
        for (var i = 0; i < emails.Count; i++)
        {
            var email = emails[i];
            if (email.IsBlank)
            {
                continue;
            }

            var prefix = $"Emails[{i}].";
            if (++count > MaxEmails)
            {
                errors.TryAdd(prefix + nameof(EmailDetails.Address), $"A customer can have at most {MaxEmails} email addresses.");
                continue;
            }

            var normalized = EmailAddress.Normalize(email.Address);
            if (normalized is null)
            {
                errors.TryAdd(prefix + nameof(EmailDetails.Address), string.IsNullOrWhiteSpace(email.Address)
                    ? "Enter the email address, or clear its label."
                    : "Enter a valid email address, like name@example.com.");
            }
            else if (!seen.Add(normalized))
            {
                errors.TryAdd(prefix + nameof(EmailDetails.Address), "This email address is already listed above.");
            }

            Line(errors, prefix + nameof(EmailDetails.Label), email.Label, M.LabelLength);
            if (email.IsPrimary && ++primaries == 2)
            {
                errors.TryAdd(prefix + nameof(EmailDetails.IsPrimary), "Only one email address can be primary.");
            }
        }
    }

    private static void ValidatePhones(List<PhoneDetails> phones, Dictionary<string, string> errors)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var primaries = 0;
        var count = 0;
        for (var i = 0; i < phones.Count; i++)
        {
            var phone = phones[i];
            if (phone.IsBlank)
            {
                continue;
            }

            var prefix = $"Phones[{i}].";
            var number = CustomerText.Clean(phone.Number) ?? "";
            var digits = CustomerText.PhoneDigits(number);
            if (++count > MaxPhones)
            {
                errors.TryAdd(prefix + nameof(PhoneDetails.Number), $"A customer can have at most {MaxPhones} phone numbers.");
                continue;
            }

            if (number.Length == 0)
            {
                errors.TryAdd(prefix + nameof(PhoneDetails.Number), "Enter the phone number, or clear its label.");
            }
            else if (number.Length > M.PhoneLength || !PhonePattern().IsMatch(number) || digits.Length is < 7 or > 15)
            {
                errors.TryAdd(prefix + nameof(PhoneDetails.Number), "Enter a phone number of 7 to 15 digits, like (312) 555-0134.");
            }
            else if (!seen.Add(digits))
            {
                errors.TryAdd(prefix + nameof(PhoneDetails.Number), "This phone number is already listed above.");
            }

            Line(errors, prefix + nameof(PhoneDetails.Label), phone.Label, M.LabelLength);
            if (phone.IsPrimary && ++primaries == 2)
            {
                errors.TryAdd(prefix + nameof(PhoneDetails.IsPrimary), "Only one phone number can be primary.");
            }
        }
    }

    private static void ValidateAddresses(List<AddressDetails> addresses, Dictionary<string, string> errors)
    {
        var primaries = new Dictionary<AddressKind, int>();
        var count = 0;
        for (var i = 0; i < addresses.Count; i++)
        {
            var address = addresses[i];
            if (address.IsBlank)
            {
                continue;
            }

            var prefix = $"Addresses[{i}].";
            if (++count > MaxAddresses)
            {
                errors.TryAdd(prefix + nameof(AddressDetails.Line1), $"A customer can have at most {MaxAddresses} addresses.");
                continue;
            }

            if (!Enum.IsDefined(address.Kind))
            {
                errors.TryAdd(prefix + nameof(AddressDetails.Kind), "Choose Billing or Service.");
            }

            Required(errors, prefix + nameof(AddressDetails.Line1), address.Line1, "Enter the street address.");
            Required(errors, prefix + nameof(AddressDetails.City), address.City, "Enter the city.");
            Line(errors, prefix + nameof(AddressDetails.Label), address.Label, M.LabelLength);
            Line(errors, prefix + nameof(AddressDetails.Line1), address.Line1, M.LineLength);
            Line(errors, prefix + nameof(AddressDetails.Line2), address.Line2, M.LineLength);
            Line(errors, prefix + nameof(AddressDetails.City), address.City, M.CityLength);
            Line(errors, prefix + nameof(AddressDetails.Region), address.Region, M.RegionLength);
            Line(errors, prefix + nameof(AddressDetails.PostalCode), address.PostalCode, M.PostalCodeLength);
            Line(errors, prefix + nameof(AddressDetails.Country), address.Country, M.CountryLength);
            if (address.IsPrimary)
            {
                primaries[address.Kind] = primaries.GetValueOrDefault(address.Kind) + 1;
                if (primaries[address.Kind] == 2)
                {
                    errors.TryAdd(prefix + nameof(AddressDetails.IsPrimary), $"Only one {address.Kind.ToString().ToLowerInvariant()} address can be primary.");
                }
            }
        }
    }

    private static void Required(Dictionary<string, string> errors, string key, string? value, string message)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.TryAdd(key, message);
        }
    }

    private static void Line(Dictionary<string, string> errors, string key, string? value, int maxLength)
    {
        var clean = CustomerText.Clean(value);
        if (clean is null)
        {
            return;
        }

        if (clean.Length > maxLength)
        {
            errors.TryAdd(key, $"Use at most {maxLength} characters.");
        }
        else if (CustomerText.HasControlCharacters(clean))
        {
            errors.TryAdd(key, "Use letters, digits, spaces and punctuation only.");
        }
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,30}$")]
    private static partial Regex AccountNumberPattern();

    [GeneratedRegex(@"^\+?[0-9()\-.\s/]+$")]
    private static partial Regex PhonePattern();
}
