using OrchardPortal.Customers.Models;
using OrchardPortal.Customers.Services;

namespace OrchardPortal.Customers.Recipes;

/// <summary>
/// The demo recipe's customers: a dozen households and businesses of an invented lawn-care company,
/// some with several properties. All names, addresses and numbers are made up (555-01xx numbers and
/// example.com addresses are reserved for fiction).
/// </summary>
internal static class SampleCustomers
{
    public static IReadOnlyList<CustomerImport> All { get; } =
    [
        Person("Marisol", "Ortega", "marisol.ortega@example.com", "(630) 555-0101",
            Service("Front yard property", "418 Birchwood Lane", "Maple Hollow", "IL", "60510"),
            Service("Rental duplex", "22 Quarry Road", "Maple Hollow", "IL", "60510")),
        Person("Desmond", "Achterberg", "d.achterberg@example.com", "(630) 555-0102",
            Service("Home", "1907 Willow Creek Drive", "Fenwick Park", "IL", "60514")),
        Company("Cedar Ridge Homeowners Association", "Priya", "Raman", "board@cedarridge-hoa.example.com", "(630) 555-0103",
            "Common areas mowed weekly April–October; gate code at the clubhouse office.",
            Billing("PO Box 318", "Fenwick Park", "IL", "60514"),
            Service("North entrance and pond", "1 Cedar Ridge Parkway", "Fenwick Park", "IL", "60514"),
            Service("Clubhouse lawn", "40 Cedar Ridge Parkway", "Fenwick Park", "IL", "60514")),
        Person("Tobias", "Lindqvist", "tobias.lindqvist@example.com", "(331) 555-0104",
            Service("Home", "77 Orchard Gate Court", "Maple Hollow", "IL", "60510")),
        Person("Anneliese", "Okafor", "anneliese.okafor@example.com", "(331) 555-0105",
            Service("Home", "3120 Prairie Aster Way", "Stonebrook", "IL", "60517"),
            Service("Lake cabin", "9 Heron Point Trail", "Lake Tamsin", "WI", "53128")),
        Company("Bluestem Family Dental", "Gordon", "Vance", "office@bluestemdental.example.com", "(331) 555-0106",
            "Mow before 8am on weekdays — patients park along the front lawn.",
            Billing("500 Commerce Street, Suite 210", "Stonebrook", "IL", "60517"),
            Service("Office grounds", "500 Commerce Street", "Stonebrook", "IL", "60517")),
        Person("Hiroshi", "Takemura", "hiroshi.takemura@example.com", "(630) 555-0107",
            Service("Home", "1458 Juniper Bend", "Fenwick Park", "IL", "60514")),
        Person("Colette", "Fairbanks", "colette.fairbanks@example.com", "(630) 555-0108",
            Service("Home", "62 Old Mill Crossing", "Maple Hollow", "IL", "60510")),
        Person("Rashid", "Benali", "rashid.benali@example.com", "(331) 555-0109",
            Service("Home", "2701 Goldenrod Avenue", "Stonebrook", "IL", "60517")),
        Company("Meadowlark Senior Living", "Inez", "Calloway", "facilities@meadowlark.example.com", "(630) 555-0110",
            "Fertiliser program: organic only. Check in at the front desk.",
            Billing("1200 Meadowlark Boulevard", "Fenwick Park", "IL", "60514"),
            Service("Main campus", "1200 Meadowlark Boulevard", "Fenwick Park", "IL", "60514"),
            Service("Memory care garden", "1240 Meadowlark Boulevard", "Fenwick Park", "IL", "60514")),
        Person("Wendell", "Sørensen", "wendell.sorensen@example.com", "(331) 555-0111",
            Service("Home", "15 Foxglove Circle", "Maple Hollow", "IL", "60510")),
        Person("Beatriz", "Haldane", "beatriz.haldane@example.com", "(630) 555-0112",
            Service("Home", "808 Switchgrass Lane", "Stonebrook", "IL", "60517"),
            Service("Mother's house", "31 Elm Terrace", "Fenwick Park", "IL", "60514")),
    ];

    private static CustomerImport Person(string first, string last, string email, string phone, params AddressDetails[] addresses) =>
        new(new CustomerDetails
        {
            FirstName = first,
            LastName = last,
            Emails = [new EmailDetails { Address = email, Label = "Home", IsPrimary = true }],
            Phones = [new PhoneDetails { Number = phone, Label = "Mobile", IsPrimary = true }],
            Addresses = [.. addresses],
        });

    private static CustomerImport Company(string company, string first, string last, string email, string phone, string notes, params AddressDetails[] addresses) =>
        new(new CustomerDetails
        {
            CompanyName = company,
            FirstName = first,
            LastName = last,
            Notes = notes,
            Emails = [new EmailDetails { Address = email, Label = "Office", IsPrimary = true }],
            Phones = [new PhoneDetails { Number = phone, Label = "Office", IsPrimary = true }],
            Addresses = [.. addresses],
        });

    private static AddressDetails Service(string label, string line1, string city, string region, string postalCode) =>
        new() { Kind = AddressKind.Service, Label = label, Line1 = line1, City = city, Region = region, PostalCode = postalCode, Country = "US" };

    private static AddressDetails Billing(string line1, string city, string region, string postalCode) =>
        new() { Kind = AddressKind.Billing, Label = "Billing", Line1 = line1, City = city, Region = region, PostalCode = postalCode, Country = "US" };
}
