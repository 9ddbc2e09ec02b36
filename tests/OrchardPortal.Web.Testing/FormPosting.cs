using System.Net;
using System.Text.RegularExpressions;

namespace OrchardPortal.Web.Testing;

/// <summary>Posting forms the way a browser does: fetch the page, take its antiforgery token, submit.</summary>
public static partial class FormPosting
{
    /// <summary>GETs <paramref name="pageUrl"/>, then POSTs <paramref name="fields"/> plus the page's antiforgery token to <paramref name="postUrl"/> (default: the page).</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string pageUrl, IEnumerable<KeyValuePair<string, string>> fields, string? postUrl = null)
    {
        var page = await client.GetAsync(pageUrl);
        var html = await page.Content.ReadAsStringAsync();
        if (page.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"GET {pageUrl} answered {(int)page.StatusCode}, so there is no form to post.");
        }

        return await client.PostFormWithTokenAsync(postUrl ?? pageUrl, fields, AntiforgeryToken(html));
    }

    /// <summary>POSTs a form with a token taken from an earlier page.</summary>
    public static Task<HttpResponseMessage> PostFormWithTokenAsync(this HttpClient client, string url, IEnumerable<KeyValuePair<string, string>> fields, string? token)
    {
        var all = fields.ToList();
        if (token is not null)
        {
            all.Add(new("__RequestVerificationToken", token));
        }

        return client.PostAsync(url, new FormUrlEncodedContent(all));
    }

    /// <summary>The first antiforgery token in a page, or null.</summary>
    public static string? AntiforgeryToken(string html)
    {
        var match = TokenPattern().Match(html);
        return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value) : null;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
