using System.Net;
using System.Text.RegularExpressions;
using OrchardPortal.Testing;
using OrchardPortal.Web.Testing;

namespace OrchardPortal.Payments.Tests.InvoiceLinks;

/// <summary>Staff email an invoice from its admin page; the customer's copy arrives in maildev with the link.</summary>
public static partial class InvoiceLinkMail
{
    /// <summary>Posts "Send email" on the staff page as <paramref name="staff"/>; returns the response.</summary>
    public static Task<HttpResponseMessage> SendAsync(HttpClient staff, long invoiceId) =>
        staff.PostFormAsync($"/admin/invoices/{invoiceId}/email", []);

    /// <summary>The path (<c>/pay/link/…</c>) of the newest invoice email to <paramref name="email"/> for <paramref name="invoiceNumber"/>.</summary>
    public static async Task<string> LinkAsync(MailDevServer mail, string email, string invoiceNumber)
    {
        var received = await mail.WaitForMailAsync(m => m.IsFor(email) && m.Subject.Contains("Invoice " + invoiceNumber, StringComparison.Ordinal), TimeSpan.FromSeconds(30));
        var message = received[^1];
        // Long lines may come wrapped (soft line breaks); the link is whole again once they are joined.
        var body = ((message.Html ?? "") + " " + (message.Text ?? "")).Replace("=\r\n", "", StringComparison.Ordinal).Replace("=\n", "", StringComparison.Ordinal)
            .Replace("\r\n", "", StringComparison.Ordinal).Replace("\n", "", StringComparison.Ordinal);
        var link = LinkPattern().Matches(body)
            .Select(m => WebUtility.HtmlDecode(m.Groups[1].Value))
            .FirstOrDefault(p => p.StartsWith("/pay/link/", StringComparison.Ordinal));
        Assert.True(link is not null, "The invoice email has no link.");
        return link!;
    }

    /// <summary>The link page's form fields (its one-time token) with the amount and payment method.</summary>
    public static List<KeyValuePair<string, string>> FormOf(string html, string amount, IEnumerable<KeyValuePair<string, string>> method)
    {
        var fields = new List<KeyValuePair<string, string>> { new("token", TokenPattern().Match(html).Groups[1].Value), new("amount", amount) };
        fields.AddRange(method);
        return fields;
    }

    [GeneratedRegex("https?://[^/\\s\"]+(/pay/link/[A-Za-z0-9_\\-]{43})")]
    private static partial Regex LinkPattern();

    [GeneratedRegex("name=\"token\" value=\"([0-9a-f]+)\"")]
    private static partial Regex TokenPattern();
}
