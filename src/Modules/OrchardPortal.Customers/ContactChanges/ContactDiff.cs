using OrchardPortal.Customers.Models;
using OrchardPortal.Customers.Services;

namespace OrchardPortal.Customers.ContactChanges;

/// <summary>One line of the side-by-side comparison staff see: a field, its current value, the requested one.</summary>
public sealed record ContactDiffRow(string Field, IReadOnlyList<string> Current, IReadOnlyList<string> Requested)
{
    public bool Changed => !Current.SequenceEqual(Requested, StringComparer.Ordinal);
}

/// <summary>Turns two sets of contact details into comparable, readable lines.</summary>
public static class ContactDiff
{
    public static IReadOnlyList<ContactDiffRow> Compare(ContactDetails current, ContactDetails requested) =>
    [
        Row("Name", current, requested, d => One(string.Join(' ', new[] { d.FirstName, d.LastName }.Select(CustomerText.Clean).OfType<string>()))),
        Row("Company", current, requested, d => One(CustomerText.Clean(d.CompanyName))),
        Row("Emails", current, requested, d => Lines(d.Emails.Where(e => !e.IsBlank), e => Labelled((e.Address ?? "").Trim().ToLowerInvariant(), e.Label), e => e.IsPrimary)),
        Row("Phones", current, requested, d => Lines(d.Phones.Where(p => !p.IsBlank), p => Labelled((p.Number ?? "").Trim(), p.Label), p => p.IsPrimary)),
        Row("Billing address", current, requested, d => Addresses(d, AddressKind.Billing)),
        Row("Service properties", current, requested, d => Addresses(d, AddressKind.Service)),
    ];

    public static string FormatAddress(AddressDetails a)
    {
        var cityLine = string.Join(' ', new[] { CustomerText.Clean(a.City) + (CustomerText.Clean(a.Region) is null ? "" : ","), a.Region, a.PostalCode }
            .Select(CustomerText.Clean).OfType<string>());
        return string.Join(", ", new[] { a.Line1, a.Line2, cityLine, a.Country }.Select(CustomerText.Clean).OfType<string>());
    }

    private static ContactDiffRow Row(string field, ContactDetails current, ContactDetails requested, Func<ContactDetails, List<string>> lines) =>
        new(field, lines(current), lines(requested));

    private static List<string> One(string? value) => value is null or "" ? [] : [value];

    private static List<string> Addresses(ContactDetails details, AddressKind kind) =>
        Lines(details.Addresses.Where(a => !a.IsBlank && a.Kind == kind), a => Labelled(FormatAddress(a), a.Label), a => a.IsPrimary);

    // When nobody marked a primary, saving makes the first one primary; compare what would be stored.
    private static List<string> Lines<T>(IEnumerable<T> items, Func<T, string> describe, Func<T, bool> isPrimary)
    {
        var list = items.ToList();
        var anyPrimary = list.Any(isPrimary);
        return [.. list.Select((item, i) => describe(item) + (isPrimary(item) || (!anyPrimary && i == 0) ? " (primary)" : ""))];
    }

    private static string Labelled(string value, string? label) => CustomerText.Clean(label) is { } text ? $"{text}: {value}" : value;
}
