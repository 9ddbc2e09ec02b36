using System.Net;
using System.Text;
using OrchardPortal.Core.Email;
using OrchardPortal.Messages.Models;

namespace OrchardPortal.Messages.Notifications;

/// <summary>The office's "new message from a customer" email, built in code; everything the customer typed is HTML-encoded.</summary>
internal static class OfficeEmail
{
    public static OutboundEmail Build(string customerName, string? accountNumber, string title, Message message, int attachmentCount, string link)
    {
        var customer = customerName.ReplaceLineEndings(" ").Trim();
        var account = string.IsNullOrWhiteSpace(accountNumber) ? "" : $" (account {accountNumber})";
        var files = attachmentCount switch
        {
            0 => "",
            1 => "1 file is attached.",
            _ => $"{attachmentCount} files are attached.",
        };
        var html = new StringBuilder()
            .Append("<p><strong>").Append(Encode(message.AuthorName)).Append("</strong> for ").Append(Encode(customer)).Append(Encode(account))
            .Append(" wrote about <strong>").Append(Encode(title)).Append("</strong>:</p>")
            .Append("<blockquote style=\"margin:16px 0;padding:12px 16px;border-left:4px solid #52606d;background:#f5f7fa;white-space:pre-wrap;\">")
            .Append(Encode(message.Body)).Append("</blockquote>");
        if (files.Length > 0)
        {
            html.Append("<p>").Append(files).Append("</p>");
        }

        html.Append("<p><a href=\"").Append(Encode(link)).Append("\">Open the conversation and reply</a></p>");
        var text = new StringBuilder()
            .Append(message.AuthorName).Append(" for ").Append(customer).Append(account).Append(" wrote about \"").Append(title).AppendLine("\":")
            .AppendLine().AppendLine(message.Body).AppendLine();
        if (files.Length > 0)
        {
            text.AppendLine(files);
        }

        text.Append("Open the conversation and reply: ").AppendLine(link);
        return new OutboundEmail
        {
            To = "",
            Subject = $"New message from {customer}: {title.ReplaceLineEndings(" ")}",
            HtmlBody = html.ToString(),
            TextBody = text.ToString(),
        };
    }

    private static string Encode(string value) => WebUtility.HtmlEncode(value);
}
