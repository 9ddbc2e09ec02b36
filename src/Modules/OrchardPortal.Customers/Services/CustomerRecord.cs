using OrchardPortal.Core.Security;
using OrchardPortal.Customers.Models;
using M = OrchardPortal.Customers.Data.CustomersModel;

namespace OrchardPortal.Customers.Services;

/// <summary>
/// Copies validated details onto a customer row, and keeps the derived columns (display and sort name,
/// primary email and phone, search text) in step with them. Call only after <see cref="CustomerValidator"/> passed.
/// </summary>
internal static class CustomerRecord
{
    public static void Apply(Customer customer, CustomerDetails details, DateTimeOffset now)
    {
        customer.FirstName = CustomerText.Clean(details.FirstName);
        customer.LastName = CustomerText.Clean(details.LastName);
        customer.CompanyName = CustomerText.Clean(details.CompanyName);
        customer.DisplayName = CustomerText.DisplayName(details.FirstName, details.LastName, details.CompanyName);
        customer.Notes = CustomerText.Clean(details.Notes);
        customer.UpdatedUtc = now;

        customer.Emails.Clear();
        customer.Emails.AddRange(WithOnePrimary(
            details.Emails.Where(e => !e.IsBlank).Select(e => new CustomerEmail
            {
                Address = EmailAddress.Normalize(e.Address)!,
                Label = CustomerText.Clean(e.Label),
                IsPrimary = e.IsPrimary,
            }).ToList(),
            e => e.IsPrimary,
            e => e.IsPrimary = true));

        customer.Phones.Clear();
        customer.Phones.AddRange(WithOnePrimary(
            details.Phones.Where(p => !p.IsBlank).Select(p => new CustomerPhone
            {
                Number = CustomerText.Clean(p.Number)!,
                Label = CustomerText.Clean(p.Label),
                IsPrimary = p.IsPrimary,
            }).ToList(),
            p => p.IsPrimary,
            p => p.IsPrimary = true));

        var addresses = details.Addresses.Where(a => !a.IsBlank).Select(ToAddress).ToList();
        foreach (var kind in Enum.GetValues<AddressKind>())
        {
            WithOnePrimary(addresses.Where(a => a.Kind == kind).ToList(), a => a.IsPrimary, a => a.IsPrimary = true);
        }

        customer.Addresses.Clear();
        customer.Addresses.AddRange(addresses);
        RefreshDerived(customer);
    }

    /// <summary>Recomputes the columns that lists and search read, from the customer's own values.</summary>
    public static void RefreshDerived(Customer customer)
    {
        customer.AccountKey = CustomerText.AccountKey(customer.AccountNumber);
        customer.SortName = Truncate(CustomerText.Fold(customer.DisplayName), M.CompanyLength);
        customer.PrimaryEmail = customer.Emails.FirstOrDefault(e => e.IsPrimary)?.Address;
        customer.PrimaryPhone = customer.Phones.FirstOrDefault(p => p.IsPrimary)?.Number;

        var parts = new List<string?>
        {
            customer.DisplayName, customer.FirstName, customer.LastName, customer.CompanyName, customer.AccountNumber,
        };
        parts.AddRange(customer.Emails.Select(e => e.Address));
        parts.AddRange(customer.Phones.Select(p => CustomerText.PhoneDigits(p.Number)));
        parts.AddRange(customer.Addresses.Select(a => a.Line1));
        var words = parts.OfType<string>().Select(CustomerText.Fold).Where(p => p.Length > 0).Distinct(StringComparer.Ordinal);
        customer.SearchText = Truncate(string.Join(' ', words), M.SearchTextLength);
    }

    private static CustomerAddress ToAddress(AddressDetails a) => new()
    {
        Kind = a.Kind,
        Label = CustomerText.Clean(a.Label),
        Line1 = CustomerText.Clean(a.Line1)!,
        Line2 = CustomerText.Clean(a.Line2),
        City = CustomerText.Clean(a.City)!,
        Region = CustomerText.Clean(a.Region),
        PostalCode = CustomerText.Clean(a.PostalCode),
        Country = CustomerText.Clean(a.Country),
        IsPrimary = a.IsPrimary,
    };

    // Nobody marked a primary: the first one listed is it, so "the customer's email" is always defined.
    private static List<T> WithOnePrimary<T>(List<T> items, Func<T, bool> isPrimary, Action<T> makePrimary)
    {
        if (items.Count > 0 && !items.Any(isPrimary))
        {
            makePrimary(items[0]);
        }

        return items;
    }

    private static string Truncate(string value, int length) => value.Length <= length ? value : value[..length];
}
