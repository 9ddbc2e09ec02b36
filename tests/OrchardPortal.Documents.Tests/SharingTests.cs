using System.Net;
using OrchardPortal.Documents.Tests.Infrastructure;
using OrchardPortal.Web.Testing;
using static OrchardPortal.Documents.Tests.Infrastructure.DocumentsApp;

namespace OrchardPortal.Documents.Tests;

/// <summary>Who sees what: documents for one customer, for all customers, and what customers send.</summary>
public sealed class SharingTests(SqliteDocumentsApp host) : IClassFixture<SqliteDocumentsApp>
{
    [Fact]
    public async Task A_document_staff_upload_for_one_customer_is_seen_and_downloaded_only_by_that_customer()
    {
        var (tenant, staff) = await host.NewTenantAsync();
        var casey = await host.SignedInCustomerAsync(tenant, "Casey");
        var dana = await host.SignedInCustomerAsync(tenant, "Dana");
        var pdf = TestFiles.Pdf("Casey's agreement");

        var uploaded = await StaffUploadAsync(staff, casey.Customer.Id, "Service agreement 2026", pdf, "agreement.pdf", "application/pdf");

        Assert.Equal(HttpStatusCode.Redirect, uploaded.StatusCode);
        Assert.Contains("Service agreement 2026", await casey.Browser.GetStringAsync("/documents"), StringComparison.Ordinal);
        var link = Assert.Single(await DownloadLinksAsync(casey.Browser, "/documents"));
        var download = await casey.Browser.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync());
        Assert.DoesNotContain("Service agreement 2026", await dana.Browser.GetStringAsync("/documents"), StringComparison.Ordinal);
        Assert.Empty(await DownloadLinksAsync(dana.Browser, "/documents"));
    }

    [Fact]
    public async Task A_document_for_all_customers_is_seen_by_every_customer()
    {
        var (tenant, staff) = await host.NewTenantAsync();
        var casey = await host.SignedInCustomerAsync(tenant, "Casey");
        var dana = await host.SignedInCustomerAsync(tenant, "Dana");

        var uploaded = await StaffUploadAsync(staff, null, "Price list 2026", TestFiles.Pdf("prices"), "prices.pdf");

        Assert.Equal(HttpStatusCode.Redirect, uploaded.StatusCode);
        foreach (var customer in new[] { casey, dana })
        {
            Assert.Contains("Price list 2026", await customer.Browser.GetStringAsync("/documents"), StringComparison.Ordinal);
            var link = Assert.Single(await DownloadLinksAsync(customer.Browser, "/documents"));
            Assert.Equal(HttpStatusCode.OK, (await customer.Browser.GetAsync(link)).StatusCode);
        }
    }

    [Fact]
    public async Task A_customers_upload_appears_for_staff_with_who_sent_it_and_downloads_unchanged()
    {
        var (tenant, staff) = await host.NewTenantAsync();
        var casey = await host.SignedInCustomerAsync(tenant, "Casey");
        var png = TestFiles.Png();

        var uploaded = await CustomerUploadAsync(casey.Browser, "Photo of the gate", png, "gate.png", "image/png");

        Assert.Equal(HttpStatusCode.Redirect, uploaded.StatusCode);
        Assert.Equal("/documents?uploaded=1", uploaded.Headers.Location?.OriginalString);
        Assert.Contains("your document was uploaded", await casey.Browser.GetStringAsync("/documents?uploaded=1"), StringComparison.Ordinal);
        var list = await staff.GetStringAsync($"/admin/documents?customer={casey.Customer.Id}&source=customer");
        Assert.Contains("Photo of the gate", list, StringComparison.Ordinal);
        Assert.Contains("(customer)", list, StringComparison.Ordinal);
        var link = Assert.Single(await DownloadLinksAsync(staff, "/admin/documents?source=customer"));
        var download = await staff.GetAsync(link);
        Assert.Equal("image/png", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal(png, await download.Content.ReadAsByteArrayAsync());
        Assert.Single(host.FilesOnDisk(tenant));
    }

    [Fact]
    public async Task Deleting_a_document_removes_its_file_and_the_customer_can_no_longer_download_it()
    {
        var (tenant, staff) = await host.NewTenantAsync();
        var casey = await host.SignedInCustomerAsync(tenant, "Casey");
        await StaffUploadAsync(staff, casey.Customer.Id, "Treatment record", TestFiles.Pdf(), "treatment.pdf");
        var link = Assert.Single(await DownloadLinksAsync(casey.Browser, "/documents"));
        var id = link.Split('/')[2];

        var deleted = await staff.PostFormAsync($"/admin/documents/{id}/delete", []);

        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await casey.Browser.GetAsync(link)).StatusCode);
        Assert.DoesNotContain("Treatment record", await casey.Browser.GetStringAsync("/documents"), StringComparison.Ordinal);
        Assert.Empty(host.FilesOnDisk(tenant));
    }
}
