using System.Net;
using OrchardPortal.Documents.Tests.Infrastructure;
using static OrchardPortal.Documents.Tests.Infrastructure.DocumentsApp;

namespace OrchardPortal.Documents.Tests;

/// <summary>Downloads are always attachments of the type we decided, which browsers may not sniff or run.</summary>
public sealed class DownloadHeaderTests(SqliteDocumentsApp host) : IClassFixture<SqliteDocumentsApp>
{
    [Fact]
    public async Task A_docx_downloads_as_an_attachment_of_the_word_type_whatever_the_browser_claimed()
    {
        var (tenant, staff) = await host.NewTenantAsync();
        var casey = await host.SignedInCustomerAsync(tenant);
        var docx = TestFiles.Docx();
        await StaffUploadAsync(staff, casey.Customer.Id, "Contract", docx, "Contrat signé.docx", "text/html");

        var download = await casey.Browser.GetAsync(Assert.Single(await DownloadLinksAsync(casey.Browser, "/documents")));

        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", Assert.Single(download.Headers.GetValues("X-Content-Type-Options")));
        var disposition = download.Content.Headers.ContentDisposition!;
        Assert.Equal("attachment", disposition.DispositionType);
        Assert.Equal("Contrat sign_.docx", disposition.FileName?.Trim('"'));
        Assert.Equal("Contrat signé.docx", disposition.FileNameStar);
        Assert.Equal(docx, await download.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_pdf_with_a_web_page_inside_is_served_as_a_sandboxed_pdf_attachment()
    {
        var (tenant, staff) = await host.NewTenantAsync();
        var casey = await host.SignedInCustomerAsync(tenant);
        await CustomerUploadAsync(casey.Browser, "Scan", TestFiles.PdfWithHtml(), "scan.pdf", "text/html");

        var link = Assert.Single(await DownloadLinksAsync(staff, "/admin/documents"));
        var download = await staff.GetAsync(link);

        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("nosniff", Assert.Single(download.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("sandbox; default-src 'none'", Assert.Single(download.Headers.GetValues("Content-Security-Policy")));
    }

    [Fact]
    public async Task An_html_file_disguised_as_a_pdf_is_refused_and_nothing_is_stored()
    {
        var (tenant, _) = await host.NewTenantAsync();
        var casey = await host.SignedInCustomerAsync(tenant);

        var response = await CustomerUploadAsync(casey.Browser, "Invoice", TestFiles.Html(), "invoice.pdf", "application/pdf");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("“invoice.pdf” is named like a PDF, but its contents are not one", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Empty(host.FilesOnDisk(tenant));
        Assert.Empty(await DownloadLinksAsync(casey.Browser, "/documents"));
    }

    [Theory]
    [InlineData("page.html")]
    [InlineData("logo.svg")]
    [InlineData("notes.txt")]
    public async Task Web_pages_and_svg_are_refused_whatever_they_are_called(string fileName)
    {
        var (tenant, staff) = await host.NewTenantAsync();

        var response = await StaffUploadAsync(staff, null, "Web page", TestFiles.Html(), fileName, "text/plain");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("we can't accept", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Empty(host.FilesOnDisk(tenant));
    }
}
