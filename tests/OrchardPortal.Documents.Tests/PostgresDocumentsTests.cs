using System.Net;
using OrchardPortal.Documents.Tests.Infrastructure;
using static OrchardPortal.Documents.Tests.Infrastructure.DocumentsApp;

namespace OrchardPortal.Documents.Tests;

/// <summary>The same table and rules on PostgreSQL (a schema per tenant).</summary>
public sealed class PostgresDocumentsTests(PostgresDocumentsApp host) : IClassFixture<PostgresDocumentsApp>
{
    [Fact]
    public async Task On_postgres_a_customer_sees_their_own_and_shared_documents_but_not_anothers()
    {
        var (tenant, staff) = await host.NewTenantAsync();
        var casey = await host.SignedInCustomerAsync(tenant, "Casey");
        var dana = await host.SignedInCustomerAsync(tenant, "Dana");
        await StaffUploadAsync(staff, casey.Customer.Id, "Casey's contract", TestFiles.Pdf("casey"), "contract.pdf");
        await StaffUploadAsync(staff, null, "Price list", TestFiles.Pdf("prices"), "prices.pdf");
        var upload = await CustomerUploadAsync(dana.Browser, "Dana's photo", TestFiles.Png(), "yard.png");
        Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);

        var caseyLinks = await DownloadLinksAsync(casey.Browser, "/documents");
        var danaLinks = await DownloadLinksAsync(dana.Browser, "/documents");

        Assert.Equal(2, caseyLinks.Count);
        Assert.Equal(2, danaLinks.Count);
        var caseysOwn = caseyLinks.Except(danaLinks).Single();
        Assert.Equal(HttpStatusCode.NotFound, (await dana.Browser.GetAsync(caseysOwn)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await casey.Browser.GetAsync(caseysOwn)).StatusCode);
        Assert.Equal(3, (await DownloadLinksAsync(staff, "/admin/documents")).Count);
    }
}
