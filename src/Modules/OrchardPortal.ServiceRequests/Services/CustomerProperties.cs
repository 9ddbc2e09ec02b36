using OrchardPortal.Customers.Models;

namespace OrchardPortal.ServiceRequests.Services;

/// <summary>
/// The addresses a customer can ask for work at: their service properties, or (for a customer with none
/// on file yet) whatever addresses they have. Primary first.
/// </summary>
public static class CustomerProperties
{
    public static IReadOnlyList<CustomerAddress> For(Customer customer)
    {
        var service = customer.Addresses.Where(a => a.Kind == AddressKind.Service).ToList();
        var list = service.Count > 0 ? service : customer.Addresses;
        return [.. list.OrderByDescending(a => a.IsPrimary).ThenBy(a => a.Id)];
    }

    /// <summary>"Front yard — 418 Birchwood Lane, Maple Hollow, IL 60510", cut to <paramref name="maxLength"/>.</summary>
    public static string Describe(CustomerAddress address, int maxLength = 300)
    {
        var street = string.Join(", ", new[] { address.Line1, address.Line2, address.City, address.Region, address.PostalCode }.Where(p => !string.IsNullOrWhiteSpace(p)));
        var text = string.IsNullOrWhiteSpace(address.Label) ? street : $"{address.Label} — {street}";
        return text.Length > maxLength ? text[..maxLength] : text;
    }
}
