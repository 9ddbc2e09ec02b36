using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OrchardPortal.Customers.Models;
using OrchardPortal.Customers.Services;

namespace OrchardPortal.Customers.Pages.Admin.Customers;

/// <summary>
/// What the new and edit pages share: the bound <see cref="CustomerDetails"/>, the validator's messages
/// put on the right fields, and the spare blank rows that let people add an email, phone or address
/// without JavaScript (the form script adds more rows on demand).
/// </summary>
public abstract class CustomerFormPage : PageModel
{
    public const string Prefix = "Input";

    [BindProperty]
    public CustomerDetails Input { get; set; } = new();

    /// <summary>The first message for a field (path relative to <see cref="Input"/>), or null.</summary>
    public string? Error(string field) =>
        ModelState.TryGetValue(Prefix + "." + field, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;

    protected void AddErrors(IReadOnlyDictionary<string, string> errors)
    {
        foreach (var (field, message) in errors)
        {
            ModelState.AddModelError(field.Length == 0 ? "" : Prefix + "." + field, message);
        }
    }

    protected void AddBlankRows()
    {
        if (Input.Emails.Count < CustomerValidator.MaxEmails && Input.Emails.All(e => !e.IsBlank))
        {
            Input.Emails.Add(new EmailDetails());
        }

        if (Input.Phones.Count < CustomerValidator.MaxPhones && Input.Phones.All(p => !p.IsBlank))
        {
            Input.Phones.Add(new PhoneDetails());
        }

        if (Input.Addresses.Count < CustomerValidator.MaxAddresses && Input.Addresses.All(a => !a.IsBlank))
        {
            Input.Addresses.Add(new AddressDetails { Kind = AddressKind.Service });
        }
    }
}
