using System.Net;
using System.Text.RegularExpressions;

namespace OrchardPortal.Portal.Tests.Infrastructure;

/// <summary>Reading pages the way a person sees them.</summary>
public static partial class Html
{
    public static async Task<(HttpStatusCode Status, string Body)> GetPageAsync(this HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        return (response.StatusCode, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    public static async Task<string> TextAsync(this HttpResponseMessage response) =>
        WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    /// <summary>The link texts of the portal's tab navigation, in order.</summary>
    public static IReadOnlyList<string> NavigationTabs(string html)
    {
        var nav = NavPattern().Match(html);
        return nav.Success ? LinkText().Matches(nav.Groups[1].Value).Select(m => m.Groups[1].Value.Trim()).ToList() : [];
    }

    [GeneratedRegex("<nav class=\"tabs\"[^>]*>(.*?)</nav>", RegexOptions.Singleline)]
    private static partial Regex NavPattern();

    [GeneratedRegex("<a [^>]*>([^<]*)</a>")]
    private static partial Regex LinkText();
}
