using OrchardPortal.Core.Email;
using OrchardPortal.Core.Email.Templates;
using OrchardPortal.Customers.Models;

namespace OrchardPortal.Customers.ContactChanges;

/// <summary>
/// The decision email a customer gets, rendered from the tenant's <c>contact-change-decision</c> template
/// (staff can edit it under Emails). Values from people (names, addresses, reasons) go in as variables,
/// so the template engine escapes them in the HTML part.
/// </summary>
public static class ContactChangeEmail
{
    public static Task<OutboundEmail> ApprovedAsync(IEmailTemplateService templates, string to, Customer customer, IEnumerable<ContactDiffRow> changes, CancellationToken cancellationToken)
    {
        var changed = changes.Where(r => r.Changed)
            .Select(r => (object?)new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["field"] = r.Field,
                ["value"] = r.Requested.Count == 0 ? "(none)" : string.Join("; ", r.Requested),
            })
            .ToList();
        return RenderAsync(templates, to, customer, approved: true, changed, reason: "", cancellationToken);
    }

    public static Task<OutboundEmail> DeclinedAsync(IEmailTemplateService templates, string to, Customer customer, string reason, CancellationToken cancellationToken) =>
        RenderAsync(templates, to, customer, approved: false, [], reason, cancellationToken);

    private static Task<OutboundEmail> RenderAsync(
        IEmailTemplateService templates, string to, Customer customer, bool approved, List<object?> changes, string reason, CancellationToken cancellationToken)
    {
        var name = customer.DisplayName.ReplaceLineEndings(" ").Trim();
        var model = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["customer"] = new Dictionary<string, object?>(StringComparer.Ordinal) { ["name"] = name, ["account_number"] = customer.AccountNumber },
            ["approved"] = approved,
            ["changes"] = changes,
            ["reason"] = reason,
        };
        return templates.RenderAsync(EmailTemplateKeys.ContactChangeDecision, to, name, model, cancellationToken);
    }
}
