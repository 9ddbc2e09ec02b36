using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using OrchardPortal.Web.Testing;

namespace OrchardPortal.Messages.Tests.Infrastructure;

/// <summary>A file as a browser attaches it.</summary>
public sealed record TestFile(string Name, byte[] Bytes)
{
    public static TestFile Pdf(string name = "photo-notes.pdf", string text = "gate code") =>
        new(name, Encoding.ASCII.GetBytes($"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% {text}\ntrailer << /Root 1 0 R >>\n%%EOF\n"));

    public static TestFile Png(string name = "yard.png") =>
        new(name, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, (byte)'I', (byte)'H', (byte)'D', (byte)'R', 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1F, 0x15, 0xC4, 0x89]);

    public static TestFile Html(string name = "page.html") =>
        new(name, Encoding.UTF8.GetBytes("<!doctype html><html><body><script>alert(1)</script></body></html>"));
}

/// <summary>What a person does on the message pages, through the real forms (multipart, with the page's antiforgery token).</summary>
public static class Conversations
{
    private static readonly HtmlParser Parser = new();

    /// <summary>A customer starts a conversation from <c>/messages/new</c> (optionally opened with <c>?about=</c>).</summary>
    public static Task<HttpResponseMessage> CustomerStartAsync(this HttpClient browser, string? about, string title, string body, params TestFile[] files) =>
        PostAsync(browser, "/messages/new" + (about is null ? "" : "?about=" + Uri.EscapeDataString(about)), "/messages/new",
            [new("About", about ?? "general"), new("Title", title), new("Body", body)], files);

    public static Task<HttpResponseMessage> CustomerReplyAsync(this HttpClient browser, long threadId, string body, params TestFile[] files) =>
        PostAsync(browser, Thread(threadId), Thread(threadId), [new("Body", body)], files);

    /// <summary>Staff start a conversation from the customer's "Send a message" link.</summary>
    public static Task<HttpResponseMessage> StaffStartAsync(this HttpClient staff, long customerId, string? about, string title, string body, params TestFile[] files)
    {
        var url = "/admin/messages/new?customer=" + Id(customerId);
        return PostAsync(staff, url, url, [new("CustomerId", Id(customerId)), new("About", about ?? "general"), new("Title", title), new("Body", body)], files);
    }

    public static Task<HttpResponseMessage> StaffReplyAsync(this HttpClient staff, long threadId, string body, params TestFile[] files) =>
        PostAsync(staff, "/admin" + Thread(threadId), "/admin" + Thread(threadId), [new("Do", "reply"), new("Body", body)], files);

    /// <summary>The thread id a successful post redirected to (<c>/messages/12?sent=1#latest</c> or <c>/admin/messages/12</c>).</summary>
    public static long ThreadId(this HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var path = response.Headers.Location!.OriginalString.Split('?', '#')[0];
        return long.Parse(path[(path.LastIndexOf('/') + 1)..], CultureInfo.InvariantCulture);
    }

    public static string Thread(long id) => "/messages/" + Id(id);

    public static async Task<IDocument> PageAsync(this HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.DocumentAsync();
    }

    public static async Task<IDocument> DocumentAsync(this HttpResponseMessage response) =>
        Parser.ParseDocument(await response.Content.ReadAsStringAsync());

    public static string TextOf(this IDocument page, string id) => page.GetElementById(id)?.TextContent.Trim() ?? "";

    /// <summary>The portal header's unread count beside the Messages tab (0 when there is none).</summary>
    public static async Task<int> PortalBadgeAsync(this HttpClient browser, string path = "/")
    {
        var text = (await browser.PageAsync(path)).GetElementById("messages-unread")?.FirstChild?.TextContent.Trim();
        return text is null ? 0 : int.Parse(text, CultureInfo.InvariantCulture);
    }

    /// <summary>The admin menu's unread count beside Messages (0 when there is none).</summary>
    public static async Task<int> AdminBadgeAsync(this HttpClient staff)
    {
        var link = (await staff.PageAsync("/admin")).QuerySelector("a[href='/admin/messages'] .menu-badge");
        return link is null ? 0 : int.Parse(link.FirstChild!.TextContent.Trim(), CultureInfo.InvariantCulture);
    }

    /// <summary>The attachment download links on a thread page.</summary>
    public static async Task<IReadOnlyList<string>> AttachmentLinksAsync(this HttpClient client, string threadPath) =>
        [.. (await client.PageAsync(threadPath)).QuerySelectorAll(".message-attachments a").Select(a => a.GetAttribute("href")!)];

    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string pageUrl, string postUrl, IEnumerable<KeyValuePair<string, string>> fields, IEnumerable<TestFile> files, bool withToken = true)
    {
        var page = await client.GetAsync(pageUrl);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var token = FormPosting.AntiforgeryToken(await page.Content.ReadAsStringAsync());
        using var form = new MultipartFormDataContent();
        if (withToken)
        {
            form.Add(new StringContent(token ?? ""), "__RequestVerificationToken");
        }

        foreach (var (name, value) in fields)
        {
            form.Add(new StringContent(value), name);
        }

        foreach (var file in files)
        {
            var content = new ByteArrayContent(file.Bytes);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(content, "Attachments", file.Name);
        }

        return await client.PostAsync(postUrl, form);
    }

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);
}
