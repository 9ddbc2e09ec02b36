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

    /// <summary>
    /// Waits for an email to <paramref name="email"/> carrying a link whose path starts with <paramref name="pathPrefix"/>
    /// and is none of <paramref name="except"/> (links from earlier emails), and returns that path.
    /// </summary>
    public static async Task<string> LinkAsync(this MailDevServer mail, string email, string pathPrefix, params string[] except)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        var seen = new List<string>();
        while (true)
        {
            seen = (await mail.GetAllAsync()).Where(m => m.IsFor(email))
                .SelectMany(m => LinkPattern().Matches((m.Text ?? "") + " " + (m.Html ?? "")).Select(x => WebUtility.HtmlDecode(x.Groups[1].Value)))
                .Distinct(StringComparer.Ordinal)
                .ToList();
            var link = seen.FirstOrDefault(p => p.StartsWith(pathPrefix, StringComparison.Ordinal) && !except.Contains(p, StringComparer.Ordinal));
            if (link is not null)
            {
                return link;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"No new {pathPrefix} link arrived for {email}; links seen: {string.Join(", ", seen)}");
            }

            await Task.Delay(100);
        }
    }

    /// <summary>How many emails <paramref name="email"/> has received so far.</summary>
    public static async Task<int> CountAsync(this MailDevServer mail, string email) =>
        (await mail.GetAllAsync()).Count(m => m.IsFor(email));

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
