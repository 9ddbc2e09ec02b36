using System.Net;
using OrchardPortal.Documents.Tests.Infrastructure;
using static OrchardPortal.Documents.Tests.Infrastructure.DocumentsApp;

namespace OrchardPortal.Documents.Tests;

/// <summary>Uploads outside the limits are refused with a message on the page, and nothing is stored.</summary>
public sealed class UploadLimitTests(SqliteDocumentsApp host) : IClassFixture<SqliteDocumentsApp>
{
    [Fact]
    public async Task A_file_over_the_limit_is_refused_saying_how_big_it_was()
    {
        var (tenant, _) = await host.NewTenantAsync();
        var casey = await host.SignedInCustomerAsync(tenant);
        var big = new byte[MaxUploadBytes + 1];
        TestFiles.Pdf().CopyTo(big, 0);

        var response = await CustomerUploadAsync(casey.Browser, "Big scan", big, "big-scan.pdf");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var text = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("“big-scan.pdf” is 65 KB, and documents can be at most 64 KB", text, StringComparison.Ordinal);
        Assert.Contains("value=\"Big scan\"", text, StringComparison.Ordinal);
        Assert.Empty(host.FilesOnDisk(tenant));
        Assert.Empty(await DownloadLinksAsync(casey.Browser, "/documents"));
    }

    [Fact]
    public async Task A_request_far_over_the_limit_gets_a_clear_message_not_an_error_page()
    {
        var (tenant, staff) = await host.NewTenantAsync();
        var huge = new byte[(MaxUploadBytes * 2) + (2 * 1024 * 1024)];
        TestFiles.Pdf().CopyTo(huge, 0);

        var response = await StaffUploadAsync(staff, null, "Huge", huge, "huge.pdf");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("That file is too big: documents can be at most 64 KB", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Empty(host.FilesOnDisk(tenant));
    }

    [Fact]
    public async Task An_empty_file_is_refused()
    {
        var (tenant, _) = await host.NewTenantAsync();
        var casey = await host.SignedInCustomerAsync(tenant);

        var response = await CustomerUploadAsync(casey.Browser, "Nothing", [], "empty.pdf");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("“empty.pdf” is empty", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Empty(host.FilesOnDisk(tenant));
    }

    [Theory]
    [InlineData("setup.exe", "is a kind of file we can't accept")]
    [InlineData("archive.zip", "is a kind of file we can't accept")]
    [InlineData("photo.jpg", "is named like a JPEG image, but its contents are not one")]
    public async Task A_file_of_the_wrong_type_is_refused(string fileName, string message)
    {
        var (tenant, staff) = await host.NewTenantAsync();

        var response = await StaffUploadAsync(staff, null, "Wrong", TestFiles.Pdf(), fileName);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Empty(host.FilesOnDisk(tenant));
    }

    [Fact]
    public async Task A_missing_title_is_asked_for_and_nothing_is_stored()
    {
        var (tenant, staff) = await host.NewTenantAsync();

        var response = await StaffUploadAsync(staff, null, "  ", TestFiles.Pdf(), "agreement.pdf");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Give the document a title", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Empty(host.FilesOnDisk(tenant));
    }

    [Fact]
    public async Task A_tampered_customer_id_is_refused_and_nothing_is_stored()
    {
        var (tenant, staff) = await host.NewTenantAsync();
        var casey = await host.CustomerAsync(tenant);

        var response = await UploadAsync(staff, $"/admin/documents/upload?customer={casey.Id}", "/admin/documents/upload", "Contract", TestFiles.Pdf(), "contract.pdf", null,
            [new("For", "customer"), new("CustomerId", "987654321")]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("We couldn't find that customer", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Empty(host.FilesOnDisk(tenant));
    }

    [Fact]
    public async Task An_upload_without_the_antiforgery_token_stores_nothing()
    {
        var (tenant, _) = await host.NewTenantAsync();
        var casey = await host.SignedInCustomerAsync(tenant);
        using var form = new MultipartFormDataContent { { new StringContent("Forged"), "Title" }, { new ByteArrayContent(TestFiles.Pdf()), "File", "forged.pdf" } };

        var response = await casey.Browser.PostAsync("/documents", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("nothing was uploaded", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Empty(host.FilesOnDisk(tenant));
    }
}
