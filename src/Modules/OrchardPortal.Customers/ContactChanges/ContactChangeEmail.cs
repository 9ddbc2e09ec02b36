using System.Net;
using System.Text;
using OrchardPortal.Core.Email;
using OrchardPortal.Customers.Models;

namespace OrchardPortal.Customers.ContactChanges;

/// <summary>
/// The decision email a customer gets, built in code for now (the email-templates step moves it to
/// Liquid). Every value from people is HTML-encoded: names, addresses and reasons are user input.
/// </summary>
public static class ContactChangeEmail
{
    public static OutboundEmail Approved(string to, Customer customer, string companyName, IEnumerable<ContactDiffRow> changes)
    {
        var html = new StringBuilder()
            .Append("<p>Hi ").Append(Encode(customer.DisplayName)).Append(",</p>")
            .Append("<p>").Append(Encode(companyName)).Append(" has updated your contact information as you asked. Here is what we now have on file:</p><ul>");
        var text = new StringBuilder()
            .Append("Hi ").Append(customer.DisplayName).AppendLine(",").AppendLine()
            .Append(companyName).AppendLine(" has updated your contact information as you asked. Here is what we now have on file:").AppendLine();
        foreach (var row in changes.Where(r => r.Changed))
        {
            var value = row.Requested.Count == 0 ? "(none)" : string.Join("; ", row.Requested);
            html.Append("<li><strong>").Append(Encode(row.Field)).Append(":</strong> ").Append(Encode(value)).Append("</li>");
            text.Append("- ").Append(row.Field).Append(": ").AppendLine(value);
        }

        html.Append("</ul><p>If you didn't ask for this change, please contact us.</p>");
        text.AppendLine().AppendLine("If you didn't ask for this change, please contact us.");
        return Build(to, customer, $"Your contact information at {OneLine(companyName)} was updated", html, text);
    }

    public static OutboundEmail Declined(string to, Customer customer, string companyName, string reason)
    {
        var html = new StringBuilder()
            .Append("<p>Hi ").Append(Encode(customer.DisplayName)).Append(",</p>")
            .Append("<p>").Append(Encode(companyName)).Append(" could not make the change to your contact information that you asked for.</p>")
            .Append("<p><strong>Reason:</strong> ").Append(Encode(reason).ReplaceLineEndings("<br>")).Append("</p>")
            .Append("<p>Your details on file have not changed. You can send a new request from your portal, or contact us.</p>");
        var text = new StringBuilder()
            .Append("Hi ").Append(customer.DisplayName).AppendLine(",").AppendLine()
            .Append(companyName).AppendLine(" could not make the change to your contact information that you asked for.").AppendLine()
            .Append("Reason: ").AppendLine(reason).AppendLine()
            .AppendLine("Your details on file have not changed. You can send a new request from your portal, or contact us.");
        return Build(to, customer, $"About your contact information change at {OneLine(companyName)}", html, text);
    }

    private static OutboundEmail Build(string to, Customer customer, string subject, StringBuilder html, StringBuilder text) => new()
    {
        To = to,
        ToName = OneLine(customer.DisplayName),
        Subject = subject,
        HtmlBody = html.ToString(),
        TextBody = text.ToString(),
    };

    private static string Encode(string value) => WebUtility.HtmlEncode(value);

    private static string OneLine(string value) => value.ReplaceLineEndings(" ").Trim();
}
