using System.Net;
using System.Text;
using OrchardPortal.Content.Tests.Infrastructure;
using OrchardPortal.Web.Testing;
using static OrchardPortal.Content.Tests.Infrastructure.ContentClient;

namespace OrchardPortal.Content.Tests;

public sealed class HeaderImageTests(PortalApp app) : IClassFixture<PortalApp>
{
    [Fact]
    public async Task An_uploaded_png_is_shown_with_the_dimensions_read_from_the_file()
    {
        var tenant = await app.CreateTenantAsync();
        var staff = await app.SignedInOwnerAsync(tenant);
        var png = TestImages.Png(640, 200);

        var response = await staff.UploadHeaderImageAsync(png, "logo.png");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await staff.PageAsync(HeaderImagePage);
        Assert.Contains("Header image updated", Text(page), StringComparison.Ordinal);
        Assert.Contains("640 × 200 pixels · PNG", Text(page), StringComparison.Ordinal);
        var url = Assert.Single(MediaUrls(page));
        Assert.StartsWith("/media/branding/", url, StringComparison.Ordinal);
        var served = await app.CreateClient(tenant.Host).GetAsync(url);
        Assert.Equal("image/png", served.Content.Headers.ContentType?.MediaType);
        Assert.Equal(png, await served.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task An_uploaded_svg_is_sanitised_and_shown_with_its_size()
    {
        var tenant = await app.CreateTenantAsync();
        var staff = await app.SignedInOwnerAsync(tenant);
        var svg = TestImages.Svg(
            "width=\"300\" height=\"80\" onload=\"alert(document.cookie)\"",
            "<script>alert(1)</script><rect width=\"300\" height=\"80\" fill=\"#2f6b3a\"/><foreignObject><div xmlns=\"http://www.w3.org/1999/xhtml\">x</div></foreignObject>");

        await staff.UploadHeaderImageAsync(svg, "logo.svg", "image/svg+xml");

        var page = await staff.PageAsync(HeaderImagePage);
        Assert.Contains("300 × 80 pixels · SVG", Text(page), StringComparison.Ordinal);
        var served = await app.CreateClient(tenant.Host).GetAsync(Assert.Single(MediaUrls(page)));
        var body = await served.Content.ReadAsStringAsync();
        Assert.Equal("image/svg+xml", served.Content.Headers.ContentType?.MediaType);
        Assert.Contains("default-src 'none'", served.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Contains("fill=\"#2f6b3a\"", body, StringComparison.Ordinal);
        Assert.DoesNotContain("script", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onload", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("foreignObject", body, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_file_over_2_MB_is_refused_with_a_clear_message_and_nothing_changes()
    {
        var tenant = await app.CreateTenantAsync();
        var staff = await app.SignedInOwnerAsync(tenant);
        var big = new byte[(2 * 1024 * 1024) + 1];
        TestImages.Png(1, 1).CopyTo(big, 0);

        var response = await staff.UploadHeaderImageAsync(big, "huge-banner.png");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = Text(await response.Content.ReadAsStringAsync());
        Assert.Contains("“huge-banner.png” is 2.0 MB, and images can be at most 2 MB", text, StringComparison.Ordinal);
        Assert.Contains("No header image yet", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_png_that_is_really_html_is_refused()
    {
        var tenant = await app.CreateTenantAsync();
        var staff = await app.SignedInOwnerAsync(tenant);
        var html = Encoding.UTF8.GetBytes("<!doctype html><html><body><script>alert(document.cookie)</script></body></html>");

        var response = await staff.UploadHeaderImageAsync(html, "logo.png", "image/png");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("That file isn't a PNG, JPEG, GIF, WebP or SVG image", Text(page), StringComparison.Ordinal);
        Assert.Contains("aria-invalid=\"true\"", page, StringComparison.Ordinal);
        Assert.Empty(MediaUrls(page));
        Assert.Empty(MediaUrls(await staff.PageAsync(HeaderImagePage)));
    }

    [Fact]
    public async Task A_damaged_image_is_refused_naming_its_format()
    {
        var tenant = await app.CreateTenantAsync();
        var staff = await app.SignedInOwnerAsync(tenant);

        var response = await staff.UploadHeaderImageAsync(TestImages.Png(300, 100)[..60], "cut-off.png");

        Assert.Contains("That PNG file looks damaged or incomplete", Text(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submitting_without_a_file_asks_for_one()
    {
        var tenant = await app.CreateTenantAsync();
        var staff = await app.SignedInOwnerAsync(tenant);

        var response = await staff.PostFormAsync(HeaderImagePage, []);

        Assert.Contains("Choose an image file to upload.", Text(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replacing_the_image_shows_the_new_one_and_retires_the_old_file()
    {
        var tenant = await app.CreateTenantAsync();
        var staff = await app.SignedInOwnerAsync(tenant);
        await staff.UploadHeaderImageAsync(TestImages.Png(100, 50), "old.png");
        var oldUrl = Assert.Single(MediaUrls(await staff.PageAsync(HeaderImagePage)));

        await staff.UploadHeaderImageAsync(TestImages.Gif(400, 120), "new.gif", "image/gif");

        var page = await staff.PageAsync(HeaderImagePage);
        Assert.Contains("400 × 120 pixels · GIF", Text(page), StringComparison.Ordinal);
        Assert.NotEqual(oldUrl, Assert.Single(MediaUrls(page)));
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateClient(tenant.Host).GetAsync(oldUrl)).StatusCode);
    }

    [Fact]
    public async Task Removing_the_image_takes_it_off_the_page_and_the_portal()
    {
        var tenant = await app.CreateTenantAsync();
        var staff = await app.SignedInOwnerAsync(tenant);
        await staff.UploadHeaderImageAsync(TestImages.Jpeg(800, 200), "banner.jpg", "image/jpeg");
        var url = Assert.Single(MediaUrls(await staff.PageAsync(HeaderImagePage)));

        var response = await staff.PostFormAsync(HeaderImagePage, [], HeaderImagePage + "?handler=Remove");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await staff.PageAsync(HeaderImagePage);
        Assert.Contains("Header image removed.", Text(page), StringComparison.Ordinal);
        Assert.Contains("No header image yet", Text(page), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateClient(tenant.Host).GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task The_portal_header_shows_the_uploaded_image()
    {
        var tenant = await app.CreateTenantAsync();
        var staff = await app.SignedInOwnerAsync(tenant);
        await staff.UploadHeaderImageAsync(TestImages.WebPLossless(600, 150), "logo.webp", "image/webp");
        var url = Assert.Single(MediaUrls(await staff.PageAsync(HeaderImagePage)));

        var home = await app.CreateClient(tenant.Host).PageAsync("/");

        Assert.Contains($"src=\"{url}\"", home, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Visitors_can_neither_see_nor_change_the_header_image()
    {
        var tenant = await app.CreateTenantAsync();
        var visitor = app.CreateClient(tenant.Host);

        Assert.True((await visitor.GetAsync(HeaderImagePage)).IsRedirectToLogin());
        using var form = new MultipartFormDataContent { { new ByteArrayContent(TestImages.Png(1, 1)), "Upload", "x.png" } };
        var post = await visitor.PostAsync(HeaderImagePage, form);

        Assert.True(post.StatusCode is HttpStatusCode.BadRequest || post.IsRedirectToLogin(), $"answered {(int)post.StatusCode}");
        var staff = await app.SignedInOwnerAsync(tenant);
        Assert.Contains("No header image yet", Text(await staff.PageAsync(HeaderImagePage)), StringComparison.Ordinal);
    }
}
