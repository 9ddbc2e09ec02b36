using System.Text.Json;

namespace OrchardPortal.Testing;

/// <summary>A message as maildev's REST API (<c>GET /email</c>) reports it.</summary>
/// <param name="Id">maildev's id for the message.</param>
/// <param name="From">The From header's address.</param>
/// <param name="To">The To header's addresses.</param>
/// <param name="Cc">The Cc header's addresses.</param>
/// <param name="EnvelopeTo">Every address the SMTP envelope delivered to, Bcc included.</param>
/// <param name="Subject">The decoded subject.</param>
/// <param name="Html">The HTML body, if any.</param>
/// <param name="Text">The plain-text body, if any.</param>
/// <param name="Headers">Raw headers, lower-case names; repeated headers are joined with ", ".</param>
/// <param name="Date">The Date header, when present.</param>
public sealed record ReceivedMail(
    string Id,
    string From,
    IReadOnlyList<string> To,
    IReadOnlyList<string> Cc,
    IReadOnlyList<string> EnvelopeTo,
    string Subject,
    string? Html,
    string? Text,
    IReadOnlyDictionary<string, string> Headers,
    DateTimeOffset? Date)
{
    /// <summary>True when <paramref name="address"/> received the message (To, Cc or Bcc).</summary>
    public bool IsFor(string address) =>
        To.Concat(Cc).Concat(EnvelopeTo).Any(a => string.Equals(a, address, StringComparison.OrdinalIgnoreCase));

    internal static ReceivedMail Parse(JsonElement mail) => new(
        Id: String(mail, "id") ?? string.Empty,
        From: Addresses(mail, "from").FirstOrDefault() ?? string.Empty,
        To: Addresses(mail, "to"),
        Cc: Addresses(mail, "cc"),
        EnvelopeTo: mail.TryGetProperty("envelope", out var envelope) ? Addresses(envelope, "to") : [],
        Subject: String(mail, "subject") ?? string.Empty,
        Html: String(mail, "html"),
        Text: String(mail, "text"),
        Headers: ParseHeaders(mail),
        Date: mail.TryGetProperty("date", out var date) && date.ValueKind == JsonValueKind.String && date.TryGetDateTimeOffset(out var parsed)
            ? parsed
            : null);

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    // maildev gives address lists as [{ "address": "a@b", "name": "A" }] and the envelope's
    // sender as a single object; accept both.
    private static string[] Addresses(JsonElement element, string name)
    {
        if (!element.TryGetProperty(name, out var value))
        {
            return [];
        }

        return value.ValueKind switch
        {
            JsonValueKind.Array => value.EnumerateArray().Select(a => String(a, "address")).OfType<string>().ToArray(),
            JsonValueKind.Object => String(value, "address") is { } single ? [single] : [],
            _ => [],
        };
    }

    private static Dictionary<string, string> ParseHeaders(JsonElement mail)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (!mail.TryGetProperty("headers", out var value) || value.ValueKind != JsonValueKind.Object)
        {
            return headers;
        }

        foreach (var header in value.EnumerateObject())
        {
            headers[header.Name] = header.Value.ValueKind switch
            {
                JsonValueKind.String => header.Value.GetString() ?? string.Empty,
                JsonValueKind.Array => string.Join(", ", header.Value.EnumerateArray().Select(v => v.ToString())),
                _ => header.Value.ToString(),
            };
        }

        return headers;
    }
}
