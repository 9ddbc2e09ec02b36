using System.Net.Mail;
using System.Net.Mime;
using System.Text;

namespace OrchardPortal.Core.Email;

/// <summary>Builds the BCL message: multipart/alternative with the text part first and the HTML part last (the preferred one).</summary>
internal static class MailMessageFactory
{
    public static MailMessage Create(OutboundEmail email, Guid messageId, MailAddress from)
    {
        var message = new MailMessage
        {
            From = from,
            Subject = email.Subject,
            SubjectEncoding = Encoding.UTF8,
            HeadersEncoding = Encoding.UTF8,
            BodyEncoding = Encoding.UTF8,
        };
        try
        {
            message.To.Add(new MailAddress(email.To, email.ToName, Encoding.UTF8));
            if (email.ReplyTo is not null)
            {
                message.ReplyToList.Add(new MailAddress(email.ReplyTo));
            }

            message.Headers.Add("Message-ID", $"<{messageId:N}@{from.Host}>");
            var text = email.TextBody ?? HtmlToText.Convert(email.HtmlBody);
            if (string.IsNullOrEmpty(email.HtmlBody))
            {
                message.Body = text;
                return message;
            }

            message.AlternateViews.Add(AlternateView.CreateAlternateViewFromString(text, Encoding.UTF8, MediaTypeNames.Text.Plain));
            message.AlternateViews.Add(AlternateView.CreateAlternateViewFromString(email.HtmlBody, Encoding.UTF8, MediaTypeNames.Text.Html));
            return message;
        }
        catch
        {
            message.Dispose();
            throw;
        }
    }
}
