using System.Globalization;
using System.Net.Mail;
using System.Text;

namespace OrchardPortal.Core.Email.Smtp;

/// <summary>
/// Writes one email as the bytes of an SMTP DATA section: RFC 5322 headers (non-ASCII words as RFC 2047
/// encoded words, long headers folded), then multipart/alternative with the text part first and the HTML
/// part last (the preferred one). Bodies are base64, so every line is 7-bit ASCII and well under 998
/// characters whatever the templates contain, and the server needs no 8BITMIME.
/// </summary>
internal static class MimeMessageWriter
{
    private const int EncodedWordLimit = 75;
    private const int Base64LineLength = 76;

    public static byte[] Write(OutboundEmail email, Guid messageId, MailAddress from, DateTimeOffset date)
    {
        var text = email.TextBody ?? HtmlToText.Convert(email.HtmlBody);
        var builder = new StringBuilder(512 + ((text.Length + email.HtmlBody.Length) * 4 / 3));
        Header(builder, "Date", date.ToUniversalTime().ToString("ddd, dd MMM yyyy HH:mm:ss +0000", CultureInfo.InvariantCulture));
        Header(builder, "From", Mailbox(from.DisplayName, from.Address));
        Header(builder, "To", Mailbox(email.ToName, email.To));
        if (!string.IsNullOrWhiteSpace(email.ReplyTo))
        {
            Header(builder, "Reply-To", Mailbox(null, email.ReplyTo));
        }

        Header(builder, "Subject", Unstructured(email.Subject));
        Header(builder, "Message-ID", $"<{messageId:N}@{from.Host}>");
        Header(builder, "MIME-Version", "1.0");
        if (string.IsNullOrEmpty(email.HtmlBody))
        {
            Part(builder, "text/plain", text);
            return Encoding.ASCII.GetBytes(builder.ToString());
        }

        var boundary = "=_part_" + messageId.ToString("N");
        Header(builder, "Content-Type", $"multipart/alternative; boundary=\"{boundary}\"");
        builder.Append("\r\n");
        builder.Append("--").Append(boundary).Append("\r\n");
        Part(builder, "text/plain", text);
        builder.Append("--").Append(boundary).Append("\r\n");
        Part(builder, "text/html", email.HtmlBody);
        builder.Append("--").Append(boundary).Append("--\r\n");
        return Encoding.ASCII.GetBytes(builder.ToString());
    }

    /// <summary>A header line, folded before 78 characters where it has spaces to fold at.</summary>
    private static void Header(StringBuilder builder, string name, string value)
    {
        var line = name + ": " + value;
        var start = 0;
        while (line.Length - start > 78)
        {
            var fold = line.LastIndexOf(' ', start + 77, 77);
            if (fold <= start || (start == 0 && fold <= name.Length + 1))
            {
                break; // One long word (an address): allowed up to 998 characters.
            }

            builder.Append(line, start, fold - start).Append("\r\n");
            start = fold; // The space stays, starting the continuation line.
        }

        builder.Append(line, start, line.Length - start).Append("\r\n");
    }

    private static void Part(StringBuilder builder, string mediaType, string content)
    {
        builder.Append("Content-Type: ").Append(mediaType).Append("; charset=utf-8\r\n");
        builder.Append("Content-Transfer-Encoding: base64\r\n\r\n");
        var encoded = Convert.ToBase64String(Encoding.UTF8.GetBytes(content));
        for (var i = 0; i < encoded.Length; i += Base64LineLength)
        {
            builder.Append(encoded, i, Math.Min(Base64LineLength, encoded.Length - i)).Append("\r\n");
        }
    }

    /// <summary><c>"Display Name" &lt;address&gt;</c>, or the bare address without a name.</summary>
    private static string Mailbox(string? displayName, string address)
    {
        var name = Clean(displayName);
        if (name.Length == 0)
        {
            return "<" + address + ">";
        }

        return (IsAscii(name) ? Quoted(name) : EncodedWords(name)) + " <" + address + ">";
    }

    private static string Unstructured(string value)
    {
        var clean = Clean(value);
        return IsAscii(clean) ? clean : EncodedWords(clean);
    }

    // CR and LF in a subject or name would start a new header (header injection): they become spaces.
    private static string Clean(string? value) =>
        string.IsNullOrEmpty(value) ? string.Empty : value.Replace('\r', ' ').Replace('\n', ' ').Replace('\t', ' ').Trim();

    private static bool IsAscii(string value)
    {
        foreach (var c in value)
        {
            if (c is < ' ' or > '~')
            {
                return false;
            }
        }

        return true;
    }

    private static string Quoted(string value) => "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    /// <summary>
    /// RFC 2047 <c>=?utf-8?B?…?=</c> words of at most 75 characters, separated by spaces so the header
    /// folds between them. Words split between characters, never inside one character's UTF-8 bytes.
    /// </summary>
    private static string EncodedWords(string value)
    {
        const string prefix = "=?utf-8?B?";
        const string suffix = "?=";
        var maxBytes = (EncodedWordLimit - prefix.Length - suffix.Length) / 4 * 3;
        var words = new List<string>();
        var chunk = new StringBuilder();
        var chunkBytes = 0;
        var enumerator = StringInfo.GetTextElementEnumerator(value);
        while (enumerator.MoveNext())
        {
            var element = enumerator.GetTextElement();
            var bytes = Encoding.UTF8.GetByteCount(element);
            if (chunkBytes + bytes > maxBytes && chunk.Length > 0)
            {
                words.Add(prefix + Convert.ToBase64String(Encoding.UTF8.GetBytes(chunk.ToString())) + suffix);
                chunk.Clear();
                chunkBytes = 0;
            }

            chunk.Append(element);
            chunkBytes += bytes;
        }

        if (chunk.Length > 0)
        {
            words.Add(prefix + Convert.ToBase64String(Encoding.UTF8.GetBytes(chunk.ToString())) + suffix);
        }

        return string.Join(' ', words);
    }
}
