using OrchardPortal.Customers.Models;
using OrchardPortal.Customers.Services;

namespace OrchardPortal.Customers.Tests.Infrastructure;

/// <summary>Customers and form fields for tests.</summary>
public static class Sample
{
    public static CustomerDetails Person(string first, string last, string? email = null, string? phone = null, string? account = null) => new()
    {
        FirstName = first,
        LastName = last,
        AccountNumber = account,
        Emails = email is null ? [] : [new EmailDetails { Address = email }],
        Phones = phone is null ? [] : [new PhoneDetails { Number = phone }],
        Addresses = [new AddressDetails { Kind = AddressKind.Service, Label = "Home", Line1 = $"{last.Length * 7} Clover Lane", City = "Maple Hollow", Region = "IL", PostalCode = "60510" }],
    };

    /// <summary>The new-customer form filled in for one person with one email, phone and service property.</summary>
    public static List<KeyValuePair<string, string>> PersonForm(string first, string last, string email, string phone = "(630) 555-0199", string account = "") =>
    [
        new("Input.FirstName", first),
        new("Input.LastName", last),
        new("Input.CompanyName", ""),
        new("Input.AccountNumber", account),
        new("Input.Emails[0].Address", email),
        new("Input.Emails[0].Label", "Home"),
        new("Input.Phones[0].Number", phone),
        new("Input.Phones[0].Label", "Mobile"),
        new("Input.Addresses[0].Kind", "Service"),
        new("Input.Addresses[0].Label", "Front yard property"),
        new("Input.Addresses[0].Line1", "418 Birchwood Lane"),
        new("Input.Addresses[0].City", "Maple Hollow"),
        new("Input.Addresses[0].Region", "IL"),
        new("Input.Addresses[0].PostalCode", "60510"),
        new("Input.Notes", "Gate code 4411"),
    ];

    public static List<KeyValuePair<string, string>> With(this List<KeyValuePair<string, string>> fields, string name, string value)
    {
        fields.RemoveAll(f => f.Key == name);
        fields.Add(new(name, value));
        return fields;
    }
}
