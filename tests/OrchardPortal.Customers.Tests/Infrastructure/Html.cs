using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace OrchardPortal.Customers.Tests.Infrastructure;

/// <summary>Reading pages the way a person would: texts of elements, field errors, table rows.</summary>
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

    /// <summary>The message under the field whose input has id <paramref name="inputId"/>, or "".</summary>
    public static string FieldError(this IDocument page, string inputId) =>
        page.GetElementById(inputId + "-error")?.TextContent.Trim() ?? "";

    /// <summary>The customer names in the list, top to bottom.</summary>
    public static IReadOnlyList<string> ListedNames(this IDocument page) =>
        [.. page.QuerySelectorAll("table.customers tbody tr td:first-child").Select(td => td.TextContent.Trim())];

    public static string Text(this IDocument page) => page.Body?.TextContent ?? "";

    public static string Flash(this IDocument page) => page.QuerySelector(".notice-success")?.TextContent.Trim() ?? "";
}
