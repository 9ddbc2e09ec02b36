using System.Net;
using System.Text.RegularExpressions;
using OrchardPortal.Testing;
using OrchardPortal.Web.Testing;

namespace OrchardPortal.PortalUsers.Tests.Infrastructure;

/// <summary>What a customer does in a browser, as HTTP, and what they read in their email.</summary>
public static partial class PortalClient
{
    public const string CookieName = "op_portal";

    public const string StrongPassword = "Hedgerow-Lantern-48";

    /// <summary>An address no other test uses (maildev is shared).</summary>
    public static string UniqueEmail(string who) => $"{who}-{Guid.NewGuid():N}"[..(who.Length + 13)] + "@example.com";

    public static Task<HttpResponseMessage> SignInAsync(this HttpClient client, string login, string password, bool keepSignedIn = false) =>
        client.PostFormAsync("/sign-in", [new("Login", login), new("Password", password), new("KeepSignedIn", keepSignedIn ? "true" : "")]);

    public static Task<HttpResponseMessage> SetPasswordAsync(this HttpClient client, string linkPath, string password, string? confirm = null) =>
        client.PostFormAsync(linkPath, [new("Password", password), new("ConfirmPassword", confirm ?? password)]);

    /// <summary>Waits for the <paramref name="count"/>-th email to <paramref name="email"/> and returns the path of its link starting with <paramref name="pathPrefix"/>.</summary>
    public static async Task<string> LinkAsync(this MailDevServer mail, string email, string pathPrefix, int count = 1)
    {
        var received = await mail.WaitForMailAsync(m => m.IsFor(email), TimeSpan.FromSeconds(30));
        for (var attempt = 0; received.Count < count && attempt < 300; attempt++)
        {
            await Task.Delay(100);
            received = (await mail.GetAllAsync()).Where(m => m.IsFor(email)).ToList();
        }

        Assert.True(received.Count >= count, $"Expected {count} emails to {email}, got {received.Count}.");
        var message = received.OrderBy(m => m.Date).ThenBy(m => m.Id, StringComparer.Ordinal).ElementAt(count - 1);
        var link = LinkPattern().Matches((message.Text ?? "") + " " + (message.Html ?? ""))
            .Select(m => WebUtility.HtmlDecode(m.Groups[1].Value))
            .FirstOrDefault(p => p.StartsWith(pathPrefix, StringComparison.Ordinal));
        Assert.True(link is not null, $"The email '{message.Subject}' has no {pathPrefix} link: {message.Text}");
        return link!;
    }

    public static async Task<string> TextAsync(this HttpResponseMessage response) =>
        WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    public static async Task<string> BodyAsync(this HttpClient client, string path, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await client.GetAsync(path);
        Assert.Equal(expected, response.StatusCode);
        return await response.TextAsync();
    }

    public static string Location(this HttpResponseMessage response) =>
        response.Headers.Location?.OriginalString ?? throw new InvalidOperationException($"Expected a redirect, got {(int)response.StatusCode}.");

    /// <summary>The portal cookie a response set, as a Cookie header value, or null.</summary>
    public static string? PortalCookie(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values)
            ? values.Where(v => v.StartsWith(CookieName + "=", StringComparison.Ordinal))
                .Select(v => v.Split(';')[0])
                .LastOrDefault(v => v.Length > CookieName.Length + 1)
            : null;

    /// <summary>GET with exactly the given Cookie header, as a browser holding only that cookie would.</summary>
    public static Task<HttpResponseMessage> GetWithCookieAsync(this PortalUsersApp app, string host, string path, string cookieHeader)
    {
        var client = app.CreateClient(host, handleCookies: false);
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", cookieHeader);
        return client.SendAsync(request);
    }

    /// <summary>The header's "signed in as" name, or null when the page shows nobody signed in.</summary>
    public static string? SignedInName(string html)
    {
        var match = CustomerNamePattern().Match(html);
        return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value).Trim() : null;
    }

    [GeneratedRegex(@"https?://[^/\s""'<>]+(/[A-Za-z0-9/_\-]+)")]
    private static partial Regex LinkPattern();

    [GeneratedRegex(@"<span class=""customer-name"">([^<]*)</span>")]
    private static partial Regex CustomerNamePattern();
}
