using System.Net;
using OrchardPortal.Documents.Tests.Infrastructure;
using OrchardPortal.Web.Testing;
using static OrchardPortal.Documents.Tests.Infrastructure.DocumentsApp;

namespace OrchardPortal.Documents.Tests;

/// <summary>Every document URL checks who is asking: the customer, the tenant, the tab settings and the user's permissions.</summary>
public sealed class AccessTests(SqliteDocumentsApp host) : IClassFixture<SqliteDocumentsApp>
{
    [Fact]
    public async Task Another_customers_document_id_is_a_themed_404_without_the_bytes()
    {
        var (tenant, staff) = await host.NewTenantAsync();
        var casey = await host.SignedInCustomerAsync(tenant, "Casey");
        var dana = await host.SignedInCustomerAsync(tenant, "Dana");
        await StaffUploadAsync(staff, casey.Customer.Id, "Casey's contract", TestFiles.Pdf("secret-casey-terms"), "contract.pdf");
        var link = Assert.Single(await DownloadLinksAsync(casey.Browser, "/documents"));

        var response = await dana.Browser.GetAsync(link);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("Page not found", body, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-casey-terms", body, StringComparison.Ordinal);
        Assert.Null(response.Content.Headers.ContentDisposition);
    }

    [Fact]
    public async Task Another_tenants_document_id_is_404_for_its_customers_and_staff()
    {
        var (tenantA, staffA) = await host.NewTenantAsync();
        var casey = await host.SignedInCustomerAsync(tenantA, "Casey");
        await StaffUploadAsync(staffA, null, "Acme price list", TestFiles.Pdf("acme-prices"), "prices.pdf");
        var link = Assert.Single(await DownloadLinksAsync(casey.Browser, "/documents"));
        var (tenantB, staffB) = await host.NewTenantAsync();
        var other = await host.SignedInCustomerAsync(tenantB, "Olive");

        var asCustomer = await other.Browser.GetAsync(link);
        var asStaff = await staffB.GetAsync("/admin" + link);

        Assert.Equal(HttpStatusCode.NotFound, asCustomer.StatusCode);
        Assert.DoesNotContain("acme-prices", await asCustomer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, asStaff.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await staffA.GetAsync("/admin" + link)).StatusCode);
    }

    [Fact]
    public async Task Visitors_are_sent_to_sign_in_and_the_staff_download_needs_staff()
    {
        var (tenant, staff) = await host.NewTenantAsync();
        var casey = await host.SignedInCustomerAsync(tenant);
        await StaffUploadAsync(staff, casey.Customer.Id, "Contract", TestFiles.Pdf("private-terms"), "contract.pdf");
        var link = Assert.Single(await DownloadLinksAsync(casey.Browser, "/documents"));
        var visitor = host.App.CreateClient(tenant.Host);

        var portal = await visitor.GetAsync(link);
        var admin = await visitor.GetAsync("/admin" + link);
        var asCustomer = await casey.Browser.GetAsync("/admin" + link);

        Assert.Equal(HttpStatusCode.Redirect, portal.StatusCode);
        Assert.StartsWith("/sign-in", portal.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.OK, admin.StatusCode);
        Assert.DoesNotContain("private-terms", await admin.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.OK, asCustomer.StatusCode);
        Assert.DoesNotContain("private-terms", await asCustomer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_the_documents_tab_switched_off_the_tab_downloads_and_uploads_are_404()
    {
        var (tenant, staff) = await host.NewTenantAsync();
        var casey = await host.SignedInCustomerAsync(tenant);
        await StaffUploadAsync(staff, casey.Customer.Id, "Contract", TestFiles.Pdf(), "contract.pdf");
        var link = Assert.Single(await DownloadLinksAsync(casey.Browser, "/documents"));
        var token = FormPostingToken(await casey.Browser.GetStringAsync("/documents"));

        await host.SetPortalSettingsAsync(tenant, s => s.EnabledTabs.Remove("documents"));

        Assert.Equal(HttpStatusCode.NotFound, (await casey.Browser.GetAsync("/documents")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await casey.Browser.GetAsync(link)).StatusCode);
        using var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" }, { new StringContent("Sneaky"), "Title" }, { new ByteArrayContent(TestFiles.Pdf()), "File", "sneaky.pdf" } };
        Assert.Equal(HttpStatusCode.NotFound, (await casey.Browser.PostAsync("/documents", form)).StatusCode);
        Assert.Single(host.FilesOnDisk(tenant));
    }

    [Fact]
    public async Task A_portal_user_without_the_documents_permission_gets_404()
    {
        var (tenant, staff) = await host.NewTenantAsync();
        var customer = await host.CustomerAsync(tenant, "Rosa", "Delgado");
        await StaffUploadAsync(staff, customer.Id, "Contract", TestFiles.Pdf("rosa-terms"), "contract.pdf");
        var adminLink = Assert.Single(await DownloadLinksAsync(staff, $"/admin/documents?customer={customer.Id}"));
        var manager = UniqueEmail("manager");
        var added = await staff.PostFormAsync($"/admin/customers/{customer.Id}/portal-users/new",
        [
            new("Input.Email", manager), new("Input.Name", "Pat Manager"),
            new("Input.Tabs", ""), new("Input.Tabs", "invoices"),
            new("Input.CanPay", "false"), new("Input.SendInvitation", "true"), new("Input.SendInvitation", "false"),
        ]);
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var pat = await host.ActivateAsync(tenant, manager);

        Assert.Equal(HttpStatusCode.OK, (await pat.GetAsync("/invoices")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await pat.GetAsync("/documents")).StatusCode);
        var download = await pat.GetAsync(adminLink["/admin".Length..]);
        Assert.Equal(HttpStatusCode.NotFound, download.StatusCode);
        Assert.DoesNotContain("rosa-terms", await download.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static string FormPostingToken(string html) => FormPosting.AntiforgeryToken(html) ?? "";
}
