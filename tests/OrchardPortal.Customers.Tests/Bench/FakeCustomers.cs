using System.Globalization;
using OrchardPortal.Customers.Models;
using OrchardPortal.Customers.Services;

namespace OrchardPortal.Customers.Bench;

/// <summary>Deterministic, plausible customers (seeded random) so runs are comparable.</summary>
internal static class FakeCustomers
{
    private static readonly string[] First =
    [
        "Marisol", "Desmond", "Priya", "Tobias", "Anneliese", "Gordon", "Hiroshi", "Colette", "Rashid", "Inez", "Wendell", "Beatriz",
        "Aaron", "Bianca", "Carlos", "Dana", "Elliot", "Fatima", "Gavin", "Hana", "Isaac", "Jolene", "Kofi", "Lena", "Mateo", "Nadia",
        "Owen", "Paloma", "Quentin", "Rosa", "Silas", "Tamsin", "Uma", "Victor", "Willa", "Xavier", "Yara", "Zane", "Grace", "Henry",
    ];

    private static readonly string[] Last =
    [
        "Smith", "Johnson", "Ortega", "Achterberg", "Raman", "Lindqvist", "Okafor", "Vance", "Takemura", "Fairbanks", "Benali", "Calloway",
        "Sørensen", "Haldane", "Nguyen", "Garcia", "Miller", "Davis", "Rodriguez", "Martinez", "Hernandez", "Lopez", "Wilson", "Anderson",
        "Thomas", "Taylor", "Moore", "Jackson", "Martin", "Lee", "Perez", "Thompson", "White", "Harris", "Sanchez", "Clark", "Ramirez",
        "Lewis", "Robinson", "Walker", "Young", "Allen", "King", "Wright", "Scott", "Torres", "Hill", "Flores", "Green", "Adams",
    ];

    private static readonly string[] Streets = ["Birchwood Lane", "Quarry Road", "Willow Creek Drive", "Orchard Gate Court", "Prairie Aster Way", "Juniper Bend", "Old Mill Crossing", "Goldenrod Avenue", "Foxglove Circle", "Switchgrass Lane"];

    private static readonly string[] Cities = ["Maple Hollow", "Fenwick Park", "Stonebrook", "Lake Tamsin", "Cedar Falls", "Brookmere"];

    private static readonly string[] Businesses = ["Dental", "Property Management", "Senior Living", "Bakery", "Auto Repair", "Church", "Apartments", "Law Office"];

    public static IEnumerable<CustomerImport> Generate(int count, int seed = 20261104)
    {
        var random = new Random(seed);
        for (var i = 0; i < count; i++)
        {
            var first = First[random.Next(First.Length)];
            var last = Last[random.Next(Last.Length)];
            var isCompany = random.Next(10) == 0;
            var n = i.ToString(CultureInfo.InvariantCulture);
            var city = Cities[random.Next(Cities.Length)];
            var properties = random.Next(10) == 0 ? 2 : 1;
            var details = new CustomerDetails
            {
                FirstName = first,
                LastName = last,
                CompanyName = isCompany ? $"{last} {Businesses[random.Next(Businesses.Length)]}" : null,
                Notes = random.Next(4) == 0 ? "Dog in the back yard; gate code 4411." : null,
                Emails = [new EmailDetails { Address = $"{first}.{last}{n}@example.com".ToLowerInvariant().Replace("ø", "o", StringComparison.Ordinal), Label = "Home" }],
                Phones = [new PhoneDetails { Number = $"({random.Next(200, 999)}) 555-{random.Next(0, 10000):D4}", Label = "Mobile" }],
                Addresses = [.. Enumerable.Range(0, properties).Select(p => new AddressDetails
                {
                    Kind = AddressKind.Service,
                    Label = p == 0 ? "Home" : "Rental",
                    Line1 = $"{random.Next(1, 9999)} {Streets[random.Next(Streets.Length)]}",
                    City = city,
                    Region = "IL",
                    PostalCode = $"60{random.Next(100, 999)}",
                    Country = "US",
                })],
            };
            yield return new CustomerImport(details, random.Next(10) == 0 ? CustomerStatus.Inactive : CustomerStatus.Active);
        }
    }
}
