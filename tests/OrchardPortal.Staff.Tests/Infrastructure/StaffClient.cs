using System.Net;
using System.Text.RegularExpressions;
using OrchardPortal.Web.Testing;

namespace OrchardPortal.Staff.Tests.Infrastructure;

/// <summary>What a staff member does in a browser, as HTTP.</summary>
public static partial class StaffClient
{
    public const string CookieName = "op.staff";

    public static Task<HttpResponseMessage> LoginAsync(this HttpClient client, string email, string password, string returnUrl = "") =>
        client.PostFormAsync(
            "/admin/login" + (returnUrl.Length > 0 ? "?ReturnUrl=" + Uri.EscapeDataString(returnUrl) : ""),
            [new("Input.Email", email), new("Input.Password", password)]);

    /// <summary>Signs the owner in through the login page and returns the client and its staff cookie.</summary>
    public static async Task<(HttpClient Client, string Cookie)> SignInOwnerAsync(this StaffPortal portal, TenantHandle tenant)
    {
        var client = portal.CreateClient(tenant.Host);
        var response = await client.LoginAsync(tenant.OwnerEmail, tenant.OwnerPassword);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return (client, StaffCookie(response) ?? throw new InvalidOperationException("Signing in set no staff cookie."));
    }

    /// <summary>The value of the staff cookie a response set, or null.</summary>
    public static string? StaffCookie(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values)
            ? values.Where(v => v.StartsWith(CookieName + "=", StringComparison.Ordinal))
                .Select(v => v[(CookieName.Length + 1)..].Split(';')[0])
                .LastOrDefault(v => v.Length > 0)
            : null;

    /// <summary>GET with exactly the given Cookie header, as someone pasting a cookie by hand would.</summary>
    public static Task<HttpResponseMessage> GetWithCookieAsync(this StaffPortal portal, string host, string path, string cookieHeader)
    {
        var client = portal.CreateClient(host, handleCookies: false);
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", cookieHeader);
        return client.SendAsync(request);
    }

    public static async Task<string> BodyAsync(this HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    public static async Task<string> TextAsync(this HttpResponseMessage response) =>
        WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    public static string Location(this HttpResponseMessage response) =>
        response.Headers.Location?.OriginalString ?? throw new InvalidOperationException($"Expected a redirect, got {(int)response.StatusCode}.");

    /// <summary>True when the response sends the browser to the staff sign-in page.</summary>
    public static bool IsRedirectToLogin(this HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.Redirect && LoginPath().IsMatch(response.Location());

    [GeneratedRegex(@"^(https?://[^/]+)?/admin/login(\?|$)")]
    private static partial Regex LoginPath();
}
