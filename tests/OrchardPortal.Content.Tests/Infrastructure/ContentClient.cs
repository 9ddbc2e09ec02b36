using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using OrchardPortal.Web.Testing;

namespace OrchardPortal.Content.Tests.Infrastructure;

/// <summary>What staff and visitors do in a browser, as HTTP.</summary>
public static partial class ContentClient
{
    public const string HeaderImagePage = "/admin/branding/header-image";
    public const string HomeEditorPage = "/admin/content/home";

    /// <summary>A client for the tenant with its owner signed in through the real sign-in page.</summary>
    public static async Task<HttpClient> SignedInOwnerAsync(this PortalApp app, TenantHandle tenant)
    {
        var client = app.CreateClient(tenant.Host);
        var response = await client.PostFormAsync("/admin/login", [new("Input.Email", tenant.OwnerEmail), new("Input.Password", tenant.OwnerPassword)]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    /// <summary>Chooses a file on the header-image page and presses "Upload image".</summary>
    public static async Task<HttpResponseMessage> UploadHeaderImageAsync(this HttpClient client, byte[] file, string fileName, string contentType = "image/png")
    {
        var token = await TokenAsync(client, HeaderImagePage);
        using var form = new MultipartFormDataContent();
        var part = new ByteArrayContent(file);
        part.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        form.Add(part, "Upload", fileName);
        form.Add(new StringContent(token), "__RequestVerificationToken");
        return await client.PostAsync(HeaderImagePage, form);
    }

    /// <summary>What the editor does when a picture is inserted: posts it with the page's antiforgery token.</summary>
    public static async Task<HttpResponseMessage> UploadEditorImageAsync(this HttpClient client, byte[] file, string fileName, string? token)
    {
        using var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(file), "file", fileName);
        if (token is not null)
        {
            form.Add(new StringContent(token), "__RequestVerificationToken");
        }

        return await client.PostAsync("/admin/content/images", form);
    }

    /// <summary>Puts <paramref name="html"/> in the home editor and presses the button of <paramref name="handler"/> (Save, Preview, Publish).</summary>
    public static Task<HttpResponseMessage> SubmitHomeAsync(this HttpClient client, string handler, string html) =>
        client.PostFormAsync(HomeEditorPage, [new("Html", html)], $"{HomeEditorPage}?handler={handler}");

    public static async Task<string> TokenAsync(this HttpClient client, string page) =>
        FormPosting.AntiforgeryToken(await client.PageAsync(page)) ?? throw new InvalidOperationException($"{page} has no antiforgery token.");

    /// <summary>GETs a page that must answer 200 and returns its HTML.</summary>
    public static async Task<string> PageAsync(this HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path} answered {(int)response.StatusCode}: {html[..Math.Min(html.Length, 500)]}");
        return html;
    }

    /// <summary>The page's text as a person reads it (tags removed, entities decoded, whitespace collapsed).</summary>
    public static string Text(string html) =>
        Whitespace().Replace(WebUtility.HtmlDecode(Tags().Replace(Scripts().Replace(html, " "), " ")), " ").Trim();

    /// <summary>The <c>/media/...</c> URLs a page refers to.</summary>
    public static IReadOnlyList<string> MediaUrls(string html) =>
        [.. MediaUrl().Matches(html).Select(m => m.Value).Distinct()];

    public static bool IsRedirectToLogin(this HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.Redirect && LoginUrl().IsMatch(response.Headers.Location?.OriginalString ?? "");

    [GeneratedRegex("/media/[a-z0-9-]+/[0-9a-f]{32}\\.[a-z]{3,4}")]
    private static partial Regex MediaUrl();

    [GeneratedRegex("<(script|style)[^>]*>.*?</\\1>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex Scripts();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex("\\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex("^(https?://[^/]+)?/admin/login(\\?|$)")]
    private static partial Regex LoginUrl();
}
