using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using OrchardPortal.Customers.Models;

namespace OrchardPortal.Customers.Services;

/// <summary>
/// A customer's contact information as someone enters it: the part a customer may ask to change from
/// the portal (<see cref="ContactChanges.ContactChangeService"/>). Rows left completely blank are ignored.
/// </summary>
public class ContactDetails
{
    [Display(Name = "First name")]
    public string? FirstName { get; set; }

    [Display(Name = "Last name")]
    public string? LastName { get; set; }

    [Display(Name = "Company name")]
    public string? CompanyName { get; set; }

    public List<EmailDetails> Emails { get; set; } = [];

    public List<PhoneDetails> Phones { get; set; } = [];

    public List<AddressDetails> Addresses { get; set; } = [];

    /// <summary>A copy of the contact part only (for contact-change requests built from a full record).</summary>
    public ContactDetails ToContact() => new()
    {
        FirstName = FirstName,
        LastName = LastName,
        CompanyName = CompanyName,
        Emails = [.. Emails.Select(e => e with { })],
        Phones = [.. Phones.Select(p => p with { })],
        Addresses = [.. Addresses.Select(a => a with { })],
    };
}

/// <summary>Everything staff enter for a customer: contact details plus account number and notes.</summary>
public sealed class CustomerDetails : ContactDetails
{
    /// <summary>Blank: the next number is generated (<c>C-000124</c>).</summary>
    [Display(Name = "Account number")]
    public string? AccountNumber { get; set; }

    public string? Notes { get; set; }

    /// <summary>The record's current values, for an edit form or a contact-change diff.</summary>
    public static CustomerDetails From(Customer customer) => new()
    {
        AccountNumber = customer.AccountNumber,
        FirstName = customer.FirstName,
        LastName = customer.LastName,
        CompanyName = customer.CompanyName,
        Notes = customer.Notes,
        Emails = [.. customer.Emails.Select(e => new EmailDetails { Address = e.Address, Label = e.Label, IsPrimary = e.IsPrimary })],
        Phones = [.. customer.Phones.Select(p => new PhoneDetails { Number = p.Number, Label = p.Label, IsPrimary = p.IsPrimary })],
        Addresses = [.. customer.Addresses.Select(AddressDetails.From)],
    };

    /// <summary>This record with the contact part replaced by <paramref name="contact"/> (what approving a request applies).</summary>
    public CustomerDetails WithContact(ContactDetails contact)
    {
        var copy = contact.ToContact();
        return new CustomerDetails
        {
            AccountNumber = AccountNumber,
            Notes = Notes,
            FirstName = copy.FirstName,
            LastName = copy.LastName,
            CompanyName = copy.CompanyName,
            Emails = copy.Emails,
            Phones = copy.Phones,
            Addresses = copy.Addresses,
        };
    }
}

public sealed record EmailDetails
{
    public string? Address { get; set; }

    public string? Label { get; set; }

    public bool IsPrimary { get; set; }

    [JsonIgnore]
    public bool IsBlank => string.IsNullOrWhiteSpace(Address) && string.IsNullOrWhiteSpace(Label);
}

public sealed record PhoneDetails
{
    public string? Number { get; set; }

    public string? Label { get; set; }

    public bool IsPrimary { get; set; }

    [JsonIgnore]
    public bool IsBlank => string.IsNullOrWhiteSpace(Number) && string.IsNullOrWhiteSpace(Label);
}

public sealed record AddressDetails
{
    public AddressKind Kind { get; set; } = AddressKind.Service;

    public string? Label { get; set; }

    public string? Line1 { get; set; }

    public string? Line2 { get; set; }

    public string? City { get; set; }

    public string? Region { get; set; }

    public string? PostalCode { get; set; }

    public string? Country { get; set; }

    public bool IsPrimary { get; set; }

    // Kind and the primary box always have a value in a form, so they don't make a row "filled in".
    [JsonIgnore]
    public bool IsBlank => new[] { Label, Line1, Line2, City, Region, PostalCode, Country }.All(string.IsNullOrWhiteSpace);

    public static AddressDetails From(CustomerAddress a) => new()
    {
        Kind = a.Kind,
        Label = a.Label,
        Line1 = a.Line1,
        Line2 = a.Line2,
        City = a.City,
        Region = a.Region,
        PostalCode = a.PostalCode,
        Country = a.Country,
        IsPrimary = a.IsPrimary,
    };
}
