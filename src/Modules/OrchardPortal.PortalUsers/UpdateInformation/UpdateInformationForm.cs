using System.Globalization;
using Microsoft.AspNetCore.Http;
using OrchardPortal.Customers.Models;
using OrchardPortal.Customers.Services;

namespace OrchardPortal.PortalUsers.UpdateInformation;

/// <summary>
/// The "Update information" form: what the customer may change (names, emails, phones, the billing
/// address) read from a posted form, and written back out as plain Liquid values with each field's error.
/// Field names follow the validator's paths (<c>Emails[1].Address</c>), so its messages land on the right input.
/// </summary>
public static class UpdateInformationForm
{
    /// <summary>Blank rows offered after the customer's own, so an address or number can be added without scripts.</summary>
    public const int SpareRows = 1;

    private const int MaxRows = 10;

    /// <summary>
    /// The request to submit: the posted contact part, plus the addresses the form does not edit (service
    /// properties, further billing addresses) copied unchanged from the record, because approving a request
    /// replaces the whole contact part.
    /// </summary>
    public static ContactDetails Read(IFormCollection form, Customer current)
    {
        var details = new ContactDetails
        {
            FirstName = form["FirstName"],
            LastName = form["LastName"],
            CompanyName = form["CompanyName"],
        };
        var primaryEmail = Index(form["PrimaryEmail"]);
        var primaryPhone = Index(form["PrimaryPhone"]);
        for (var i = 0; i < MaxRows && (form.ContainsKey($"Emails[{i}].Address") || form.ContainsKey($"Emails[{i}].Label")); i++)
        {
            details.Emails.Add(new EmailDetails { Address = form[$"Emails[{i}].Address"], Label = form[$"Emails[{i}].Label"], IsPrimary = i == primaryEmail });
        }

        for (var i = 0; i < MaxRows && (form.ContainsKey($"Phones[{i}].Number") || form.ContainsKey($"Phones[{i}].Label")); i++)
        {
            details.Phones.Add(new PhoneDetails { Number = form[$"Phones[{i}].Number"], Label = form[$"Phones[{i}].Label"], IsPrimary = i == primaryPhone });
        }

        // The billing address comes first so the validator's "Addresses[0]" messages belong to its fields.
        details.Addresses.Add(new AddressDetails
        {
            Kind = AddressKind.Billing,
            IsPrimary = true,
            Line1 = form["Billing.Line1"],
            Line2 = form["Billing.Line2"],
            City = form["Billing.City"],
            Region = form["Billing.Region"],
            PostalCode = form["Billing.PostalCode"],
            Country = form["Billing.Country"],
        });
        var editedBilling = PrimaryBilling(current);
        details.Addresses.AddRange(current.Addresses.Where(a => a != editedBilling).Select(AddressDetails.From));
        return details;
    }

    /// <summary>The record's values as the form starts out.</summary>
    public static ContactDetails FromRecord(Customer customer)
    {
        var details = CustomerDetails.From(customer).ToContact();
        details.Addresses = PrimaryBilling(customer) is { } billing ? [AddressDetails.From(billing)] : [];
        return details;
    }

    /// <summary>A requested change as the form shows it again (only its billing address; the rest is kept on submit).</summary>
    public static ContactDetails FromRequest(ContactDetails requested)
    {
        var details = requested.ToContact();
        var billing = details.Addresses.Where(a => a.Kind == AddressKind.Billing).OrderByDescending(a => a.IsPrimary).FirstOrDefault();
        details.Addresses = billing is null ? [] : [billing];
        return details;
    }

    /// <summary>The form's Liquid values: every field with its value and its error (or nil).</summary>
    public static Dictionary<string, object?> Model(ContactDetails values, IReadOnlyDictionary<string, string> errors)
    {
        // With errors, rows keep their posted positions so each message stays beside its input.
        var emails = errors.Count > 0 ? WithoutTrailingBlanks(values.Emails, e => e.IsBlank) : values.Emails.Where(e => !e.IsBlank).ToList();
        var phones = errors.Count > 0 ? WithoutTrailingBlanks(values.Phones, p => p.IsBlank) : values.Phones.Where(p => !p.IsBlank).ToList();
        var billing = values.Addresses.FirstOrDefault(a => a.Kind == AddressKind.Billing) ?? new AddressDetails { Kind = AddressKind.Billing };
        return new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["first_name"] = Field("FirstName", values.FirstName, errors),
            ["last_name"] = Field("LastName", values.LastName, errors),
            ["company_name"] = Field("CompanyName", values.CompanyName, errors),
            ["emails"] = Rows(emails, Math.Max(0, emails.FindIndex(e => e.IsPrimary)), (e, i) => new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["address"] = Field($"Emails[{i}].Address", e?.Address, errors),
                ["label"] = Field($"Emails[{i}].Label", e?.Label, errors),
            }),
            ["phones"] = Rows(phones, Math.Max(0, phones.FindIndex(p => p.IsPrimary)), (p, i) => new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["number"] = Field($"Phones[{i}].Number", p?.Number, errors),
                ["label"] = Field($"Phones[{i}].Label", p?.Label, errors),
            }),
            ["billing"] = new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["line1"] = Field("Addresses[0].Line1", billing.Line1, errors, "Billing.Line1"),
                ["line2"] = Field("Addresses[0].Line2", billing.Line2, errors, "Billing.Line2"),
                ["city"] = Field("Addresses[0].City", billing.City, errors, "Billing.City"),
                ["region"] = Field("Addresses[0].Region", billing.Region, errors, "Billing.Region"),
                ["postal_code"] = Field("Addresses[0].PostalCode", billing.PostalCode, errors, "Billing.PostalCode"),
                ["country"] = Field("Addresses[0].Country", billing.Country, errors, "Billing.Country"),
            },
        };
    }

    // The form's own field name, its id, value and error; "name" differs from the validator's path only for billing.
    private static Dictionary<string, object?> Field(string path, string? value, IReadOnlyDictionary<string, string> errors, string? name = null)
    {
        name ??= path;
        return new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["name"] = name,
            ["id"] = "ui-" + new string([.. name.Select(c => char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-')]).Trim('-').Replace("--", "-", StringComparison.Ordinal),
            ["value"] = value ?? "",
            ["error"] = errors.GetValueOrDefault(path),
        };
    }

    private static List<Dictionary<string, object?>> Rows<T>(List<T> items, int primary, Func<T?, int, Dictionary<string, object?>> row)
        where T : class
    {
        var rows = new List<Dictionary<string, object?>>();
        var count = Math.Min(MaxRows, items.Count + SpareRows);
        for (var i = 0; i < count; i++)
        {
            var values = row(i < items.Count ? items[i] : null, i);
            values["index"] = i;
            values["position"] = i + 1;
            values["primary"] = i == primary;
            values["spare"] = i >= items.Count;
            rows.Add(values);
        }

        return rows;
    }

    private static List<T> WithoutTrailingBlanks<T>(List<T> items, Func<T, bool> isBlank)
    {
        var count = items.Count;
        while (count > 0 && isBlank(items[count - 1]))
        {
            count--;
        }

        return items.GetRange(0, count);
    }

    private static CustomerAddress? PrimaryBilling(Customer customer) =>
        customer.Addresses.Where(a => a.Kind == AddressKind.Billing).OrderByDescending(a => a.IsPrimary).ThenBy(a => a.Id).FirstOrDefault();

    private static int Index(string? value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var index) ? index : -1;
}
