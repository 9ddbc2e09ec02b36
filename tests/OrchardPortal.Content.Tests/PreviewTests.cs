using System.Net;
using System.Text.Json;
using OrchardPortal.Content.Tests.Infrastructure;
using OrchardPortal.Web.Testing;
using static OrchardPortal.Content.Tests.Infrastructure.ContentClient;

namespace OrchardPortal.Content.Tests;

/// <summary>Previewing a draft, "View sample portal", and pictures inserted in the editor.</summary>
public sealed class PreviewTests(PortalApp app) : IClassFixture<PortalApp>
{
    private const string Preview = "/admin/content/home/preview";
    private const string SamplePortal = "/admin/sample-portal";

    [Fact]
    public async Task Preview_shows_the_draft_inside_the_theme_under_a_not_published_banner()
    {
        var tenant = await app.CreateTenantAsync(companyName: "Preview Gardens");
        var staff = await app.SignedInOwnerAsync(tenant);

        var pressed = await staff.SubmitHomeAsync("Preview", "<p>Draft about hedge trimming</p>");

        Assert.Equal(HttpStatusCode.Redirect, pressed.StatusCode);
        Assert.Equal(Preview, pressed.Headers.Location?.OriginalString);
        var preview = await staff.PageAsync(Preview);
        Assert.Contains("Preview — not published", Text(preview), StringComparison.Ordinal);
        Assert.Contains("<p>Draft about hedge trimming</p>", preview, StringComparison.Ordinal);
        Assert.Contains("Preview Gardens", Text(preview), StringComparison.Ordinal);
        Assert.DoesNotContain("hedge trimming", await app.CreateClient(tenant.Host).PageAsync("/"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Preview_and_sample_portal_need_a_signed_in_staff_member_of_that_tenant()
    {
        var tenant = await app.CreateTenantAsync();
        var other = await app.CreateTenantAsync();
        var visitor = app.CreateClient(tenant.Host);

        Assert.True((await visitor.GetAsync(Preview)).IsRedirectToLogin());
        Assert.True((await visitor.GetAsync(SamplePortal)).IsRedirectToLogin());
        Assert.True((await visitor.GetAsync(SamplePortal + "/invoices")).IsRedirectToLogin());
        // A browser never sends one tenant's staff cookie to another; pasted there by hand, it is refused.
        var pasted = new HttpRequestMessage(HttpMethod.Get, Preview);
        pasted.Headers.Add("Cookie", await StaffCookieAsync(other));
        Assert.True((await CookielessClient(tenant).SendAsync(pasted)).IsRedirectToLogin());
        var own = new HttpRequestMessage(HttpMethod.Get, Preview);
        own.Headers.Add("Cookie", await StaffCookieAsync(tenant));
        Assert.Equal(HttpStatusCode.OK, (await CookielessClient(tenant).SendAsync(own)).StatusCode);
    }

    [Fact]
    public async Task Sample_portal_shows_a_made_up_customer_under_a_preview_banner()
    {
        var tenant = await app.CreateTenantAsync(companyName: "Sample Gardens");
        var staff = await app.SignedInOwnerAsync(tenant);

        var html = await staff.PageAsync(SamplePortal);
        var sample = Text(html);

        Assert.Contains("Sample portal — this is a preview of what your customers see", sample, StringComparison.Ordinal);
        Assert.Contains("Sample Customer", sample, StringComparison.Ordinal);
        Assert.Contains("Sample Gardens", sample, StringComparison.Ordinal);
        // Its tabs lead to the sample's own pages, not to the real (signed-out) portal.
        Assert.Contains($"href=\"{SamplePortal}/invoices\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/invoices\"", html, StringComparison.Ordinal);
        Assert.Contains("Sample portal — this is a preview", Text(await staff.PageAsync(SamplePortal + "/invoices")), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync(SamplePortal + "/admin")).StatusCode);
    }

    [Fact]
    public async Task Sample_portal_shows_the_published_home_text_and_tries_unsaved_colours()
    {
        var tenant = await app.CreateTenantAsync();
        var staff = await app.SignedInOwnerAsync(tenant);
        await staff.SubmitHomeAsync("Publish", "<p>Published for the sample</p>");

        var sample = await staff.PageAsync(SamplePortal + "?theme_color=%23aa3300&background_color=url(x)");

        Assert.Contains("Published for the sample", sample, StringComparison.Ordinal);
        Assert.Contains("#aa3300", sample, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("url(x)", sample, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_picture_inserted_in_the_editor_is_stored_in_media_and_shown_once_published()
    {
        var tenant = await app.CreateTenantAsync();
        var staff = await app.SignedInOwnerAsync(tenant);
        var token = await staff.TokenAsync(HomeEditorPage);

        var upload = await staff.UploadEditorImageAsync(TestImages.Png(320, 240), "crew.png", token);

        Assert.Equal(HttpStatusCode.OK, upload.StatusCode);
        using var json = JsonDocument.Parse(await upload.Content.ReadAsStringAsync());
        var url = json.RootElement.GetProperty("url").GetString()!;
        Assert.StartsWith("/media/content/", url, StringComparison.Ordinal);
        Assert.Equal(320, json.RootElement.GetProperty("width").GetInt32());
        await staff.SubmitHomeAsync("Publish", $"<p><img src=\"{url}\" alt=\"Our crew\"></p>");
        var visitor = app.CreateClient(tenant.Host);
        Assert.Contains($"<img src=\"{url}\" alt=\"Our crew\">", await visitor.PageAsync("/"), StringComparison.Ordinal);
        Assert.Equal("image/png", (await visitor.GetAsync(url)).Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task An_editor_upload_that_is_not_an_image_gets_problem_details_with_the_reason()
    {
        var tenant = await app.CreateTenantAsync();
        var staff = await app.SignedInOwnerAsync(tenant);
        var token = await staff.TokenAsync(HomeEditorPage);

        var upload = await staff.UploadEditorImageAsync("<html><script>alert(1)</script></html>"u8.ToArray(), "photo.jpg", token);

        Assert.Equal(HttpStatusCode.BadRequest, upload.StatusCode);
        Assert.Equal("application/problem+json", upload.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await upload.Content.ReadAsStringAsync());
        Assert.Equal(ImageInspectorMessage, json.RootElement.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task An_editor_upload_without_the_antiforgery_token_is_refused_and_stores_nothing()
    {
        var tenant = await app.CreateTenantAsync();
        var staff = await app.SignedInOwnerAsync(tenant);

        var upload = await staff.UploadEditorImageAsync(TestImages.Png(10, 10), "x.png", token: null);

        Assert.Equal(HttpStatusCode.BadRequest, upload.StatusCode);
        Assert.DoesNotContain("/media/", await upload.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private const string ImageInspectorMessage = Core.Media.ImageInspector.NotAnImage;

    private HttpClient CookielessClient(TenantHandle tenant) => app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions
    {
        BaseAddress = new Uri("http://" + tenant.Host),
        AllowAutoRedirect = false,
        HandleCookies = false,
    });

    /// <summary>Signs in without a cookie jar and returns the staff cookie as a Cookie header value.</summary>
    private async Task<string> StaffCookieAsync(TenantHandle tenant)
    {
        var client = CookielessClient(tenant);
        var login = await client.GetAsync("/admin/login");
        var antiforgeryCookies = login.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).ToList();
        var token = FormPosting.AntiforgeryToken(await login.Content.ReadAsStringAsync());
        var post = new HttpRequestMessage(HttpMethod.Post, "/admin/login")
        {
            Content = new FormUrlEncodedContent([new("Input.Email", tenant.OwnerEmail), new("Input.Password", tenant.OwnerPassword), new("__RequestVerificationToken", token!)]),
        };
        post.Headers.Add("Cookie", string.Join("; ", antiforgeryCookies));
        var response = await client.SendAsync(post);
        return string.Join("; ", response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Where(c => c.StartsWith("op.staff=", StringComparison.Ordinal)));
    }
}
