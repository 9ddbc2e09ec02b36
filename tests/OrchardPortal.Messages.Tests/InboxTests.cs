using System.Net;
using OrchardPortal.Messages.Tests.Infrastructure;

namespace OrchardPortal.Messages.Tests;

/// <summary>The staff inbox's filters, closing and reopening, and attachments travelling both ways with safe headers.</summary>
public sealed class InboxTests(SqliteMessagesApp host) : IClassFixture<SqliteMessagesApp>
{
    [Fact]
    public async Task The_inbox_filters_by_subject_kind_customer_and_open_or_closed()
    {
        var office = await host.NewTenantAsync();
        var casey = await host.SignedInCustomerAsync(office.Tenant, "Casey", "Whitfield");
        var dana = await host.SignedInCustomerAsync(office.Tenant, "Dana", "Okafor");
        var (invoiceId, _) = await host.IssuedInvoiceAsync(office.Tenant, casey.Customer.Id);
        var aboutInvoice = (await casey.Browser.CustomerStartAsync("invoice:" + invoiceId, "", "Late fee?")).ThreadId();
        var general = (await dana.Browser.CustomerStartAsync(null, "Dog", "Dog is out.")).ThreadId();

        Assert.Equal([aboutInvoice], await ThreadsAsync(office.Staff, "?about=invoice"));
        Assert.Equal([general], await ThreadsAsync(office.Staff, "?about=general"));
        Assert.Equal([general], await ThreadsAsync(office.Staff, "?q=Okafor"));
        Assert.Equal([aboutInvoice], await ThreadsAsync(office.Staff, "?customer=" + casey.Customer.Id));

        var closed = await Conversations.PostAsync(office.Staff, "/admin" + Conversations.Thread(general), "/admin" + Conversations.Thread(general), [new("Do", "close")], []);
        Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);

        Assert.Equal([general], await ThreadsAsync(office.Staff, "?status=closed"));
        Assert.Equal([aboutInvoice], await ThreadsAsync(office.Staff, "?status=open"));
        await dana.Browser.CustomerReplyAsync(general, "One more thing.");
        Assert.Empty(await ThreadsAsync(office.Staff, "?status=closed"));
    }

    [Fact]
    public async Task Attachments_go_both_ways_and_download_as_attachments_with_the_type_we_decided()
    {
        var office = await host.NewTenantAsync();
        var casey = await host.SignedInCustomerAsync(office.Tenant);
        var threadId = (await casey.Browser.CustomerStartAsync(null, "Photos", "Broken sprinkler head.", TestFile.Png("sprinkler.png"))).ThreadId();
        await office.Staff.StaffReplyAsync(threadId, "Here's the quote.", TestFile.Pdf("quote.pdf", "quote-body"));

        var staffLinks = await office.Staff.AttachmentLinksAsync("/admin" + Conversations.Thread(threadId));
        var customerLinks = await casey.Browser.AttachmentLinksAsync(Conversations.Thread(threadId));

        Assert.Equal(2, staffLinks.Count);
        Assert.Equal(2, customerLinks.Count);
        var photo = await office.Staff.GetAsync(staffLinks[0]);
        Assert.Equal("image/png", photo.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", photo.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal(TestFile.Png().Bytes, await photo.Content.ReadAsByteArrayAsync());
        var quote = await casey.Browser.GetAsync(customerLinks[1]);
        Assert.Equal("application/pdf", quote.Content.Headers.ContentType?.MediaType);
        Assert.Equal("quote.pdf", quote.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.Equal("nosniff", quote.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains("sandbox", quote.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Contains("quote-body", await quote.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(2, host.FilesOnDisk(office.Tenant).Count);
    }

    [Fact]
    public async Task Staff_start_a_conversation_about_a_customers_invoice_from_the_customer_page()
    {
        var office = await host.NewTenantAsync();
        var casey = await host.SignedInCustomerAsync(office.Tenant);
        var (invoiceId, number) = await host.IssuedInvoiceAsync(office.Tenant, casey.Customer.Id);
        var details = await office.Staff.GetStringAsync("/admin/customers/" + casey.Customer.Id);
        Assert.Contains($"/admin/messages/new?customer={casey.Customer.Id}", details, StringComparison.Ordinal);
        var form = await office.Staff.PageAsync($"/admin/messages/new?customer={casey.Customer.Id}&about=invoice:{invoiceId}");
        Assert.Equal("invoice:" + invoiceId, form.QuerySelector("#about option[selected]")?.GetAttribute("value"));

        var threadId = (await office.Staff.StaffStartAsync(casey.Customer.Id, "invoice:" + invoiceId, "", "Your invoice is ready.")).ThreadId();

        var page = await casey.Browser.PageAsync(Conversations.Thread(threadId));
        Assert.Equal($"About invoice {number}", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal("/invoices/" + invoiceId, page.QuerySelector("#thread-about a")?.GetAttribute("href"));
    }

    private static async Task<IReadOnlyList<long>> ThreadsAsync(HttpClient staff, string query) =>
        [.. (await staff.PageAsync("/admin/messages" + query)).QuerySelectorAll("tr[data-thread-id]").Select(r => long.Parse(r.GetAttribute("data-thread-id")!, System.Globalization.CultureInfo.InvariantCulture))];
}
