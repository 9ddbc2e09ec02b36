using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace OrchardPortal.Billing.Tests.Infrastructure;

/// <summary>Reading pages the way a person would: texts of elements and field errors.</summary>
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

    public static string FieldError(this IDocument page, string inputId) =>
        page.GetElementById(inputId + "-error")?.TextContent.Trim() ?? "";

    public static string TextOf(this IDocument page, string id) => page.GetElementById(id)?.TextContent.Trim() ?? "";

    public static string Text(this IDocument page) => page.Body?.TextContent ?? "";

    public static string Alert(this IDocument page) => page.QuerySelector("[role=alert]")?.TextContent.Trim() ?? "";
}
