using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace OrchardPortal.Emails.Tests.Infrastructure;

/// <summary>Reading pages the way a person would.</summary>
public static class Html
{
    private static readonly HtmlParser Parser = new();

    public static async Task<IDocument> PageAsync(this HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.DocumentAsync();
    }

    public static async Task<IDocument> DocumentAsync(this HttpResponseMessage response) =>
        Parser.ParseDocument(await response.Content.ReadAsStringAsync());

    public static string Text(this IDocument page) => page.Body?.TextContent ?? "";

    public static string TextOf(this IDocument page, string selector) => page.QuerySelector(selector)?.TextContent.Trim() ?? "";

    public static string Flash(this IDocument page) => page.TextOf(".notice-success");

    /// <summary>Follows a redirect the way a browser would and returns the page it lands on.</summary>
    public static async Task<IDocument> FollowAsync(this HttpClient client, HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return await client.PageAsync(response.Headers.Location!.ToString());
    }
}
