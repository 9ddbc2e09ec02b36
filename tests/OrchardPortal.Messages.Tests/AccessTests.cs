using System.Net;
using OrchardPortal.Messages.Models;
using OrchardPortal.Messages.Tests.Infrastructure;

namespace OrchardPortal.Messages.Tests;

/// <summary>Every conversation URL checks who is asking: the customer, the tenant and the portal's tab settings.</summary>
public sealed class AccessTests(SqliteMessagesApp host) : IClassFixture<SqliteMessagesApp>
{
    [Fact]
    public async Task Another_customers_thread_and_attachment_are_a_themed_404_and_replying_to_it_changes_nothing()
    {
        var office = await host.NewTenantAsync();
        var casey = await host.SignedInCustomerAsync(office.Tenant, "Casey");
        var dana = await host.SignedInCustomerAsync(office.Tenant, "Dana");
        var threadId = (await casey.Browser.CustomerStartAsync(null, "Gate code", "The new gate code is 4471.", TestFile.Pdf(text: "casey-secret"))).ThreadId();
        var attachment = Assert.Single(await casey.Browser.AttachmentLinksAsync(Conversations.Thread(threadId)));
        var messagesBefore = await host.CountAsync<Message>(office.Tenant);

        var page = await dana.Browser.GetAsync(Conversations.Thread(threadId));
        var file = await dana.Browser.GetAsync(attachment);
        var reply = await Conversations.PostAsync(dana.Browser, "/messages", Conversations.Thread(threadId), [new("Body", "Let me in")], []);

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        var body = await page.Content.ReadAsStringAsync();
        Assert.Contains("Page not found", body, StringComparison.Ordinal);
        Assert.DoesNotContain("4471", body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, file.StatusCode);
        Assert.DoesNotContain("casey-secret", await file.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, reply.StatusCode);
        Assert.Equal(messagesBefore, await host.CountAsync<Message>(office.Tenant));
        Assert.Equal(HttpStatusCode.OK, (await casey.Browser.GetAsync(attachment)).StatusCode);
    }

    [Fact]
    public async Task Another_tenants_thread_is_404_for_its_customers_and_its_staff()
    {
        var acme = await host.NewTenantAsync();
        var casey = await host.SignedInCustomerAsync(acme.Tenant, "Casey");
        var threadId = (await casey.Browser.CustomerStartAsync(null, "Invoice question", "Is the mulch included?", TestFile.Png())).ThreadId();
        var attachment = Assert.Single(await casey.Browser.AttachmentLinksAsync(Conversations.Thread(threadId)));
        var staffAttachment = Assert.Single(await acme.Staff.AttachmentLinksAsync("/admin" + Conversations.Thread(threadId)));
        var other = await host.NewTenantAsync();
        var olive = await host.SignedInCustomerAsync(other.Tenant, "Olive");

        Assert.Equal(HttpStatusCode.NotFound, (await olive.Browser.GetAsync(Conversations.Thread(threadId))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await olive.Browser.GetAsync(attachment)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Staff.GetAsync("/admin" + Conversations.Thread(threadId))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Staff.GetAsync(staffAttachment)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await acme.Staff.GetAsync(staffAttachment)).StatusCode);
    }

    [Fact]
    public async Task With_the_messages_tab_switched_off_the_tab_its_pages_and_posts_are_404()
    {
        var office = await host.NewTenantAsync();
        var casey = await host.SignedInCustomerAsync(office.Tenant);
        var threadId = (await casey.Browser.CustomerStartAsync(null, "Gate code", "Code is 4471.", TestFile.Pdf())).ThreadId();
        var attachment = Assert.Single(await casey.Browser.AttachmentLinksAsync(Conversations.Thread(threadId)));
        var token = OrchardPortal.Web.Testing.FormPosting.AntiforgeryToken(await casey.Browser.GetStringAsync(Conversations.Thread(threadId)));

        await host.SetPortalSettingsAsync(office.Tenant, s => s.EnabledTabs.Remove("messages"));

        foreach (var url in new[] { "/messages", "/messages/new", Conversations.Thread(threadId), attachment })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await casey.Browser.GetAsync(url)).StatusCode);
        }

        using var form = new MultipartFormDataContent { { new StringContent(token ?? ""), "__RequestVerificationToken" }, { new StringContent("Still there?"), "Body" } };
        Assert.Equal(HttpStatusCode.NotFound, (await casey.Browser.PostAsync(Conversations.Thread(threadId), form)).StatusCode);
        Assert.Equal(1, await host.CountAsync<Message>(office.Tenant));
        Assert.DoesNotContain("href=\"/messages\"", await casey.Browser.GetStringAsync("/invoices"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Visitors_are_sent_to_sign_in_and_customers_cannot_open_the_staff_inbox()
    {
        var office = await host.NewTenantAsync();
        var casey = await host.SignedInCustomerAsync(office.Tenant);
        var threadId = (await casey.Browser.CustomerStartAsync(null, "Hello", "private words")).ThreadId();
        var visitor = host.App.CreateClient(office.Tenant.Host);

        var portal = await visitor.GetAsync(Conversations.Thread(threadId));
        var admin = await casey.Browser.GetAsync("/admin/messages/" + threadId);

        Assert.Equal(HttpStatusCode.Redirect, portal.StatusCode);
        Assert.StartsWith("/sign-in", portal.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.OK, admin.StatusCode);
        Assert.DoesNotContain("private words", await admin.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_conversation_about_another_customers_invoice_is_refused_and_nothing_is_saved()
    {
        var office = await host.NewTenantAsync();
        var casey = await host.SignedInCustomerAsync(office.Tenant, "Casey");
        var dana = await host.CustomerAsync(office.Tenant, "Dana");
        var (danasInvoice, number) = await host.IssuedInvoiceAsync(office.Tenant, dana.Id);

        var form = await casey.Browser.PageAsync("/messages/new?about=invoice:" + danasInvoice);
        var posted = await casey.Browser.CustomerStartAsync("invoice:" + danasInvoice, "About that bill", "Why so much?");

        Assert.Contains("couldn't find that item", form.TextOf("message-error"), StringComparison.Ordinal);
        Assert.DoesNotContain(number, form.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, posted.StatusCode);
        Assert.Contains("couldn't find that item", (await posted.DocumentAsync()).TextOf("message-error"), StringComparison.Ordinal);
        Assert.Equal(0, await host.CountAsync<MessageThread>(office.Tenant));
        Assert.Equal(HttpStatusCode.NotFound, (await office.Staff.GetAsync("/admin/messages/new?customer=999999")).StatusCode);
    }

    [Fact]
    public async Task Staff_cannot_start_a_conversation_about_an_invoice_of_a_different_customer()
    {
        var office = await host.NewTenantAsync();
        var casey = await host.CustomerAsync(office.Tenant, "Casey");
        var dana = await host.CustomerAsync(office.Tenant, "Dana");
        var (danasInvoice, _) = await host.IssuedInvoiceAsync(office.Tenant, dana.Id);

        var response = await office.Staff.StaffStartAsync(casey.Id, "invoice:" + danasInvoice, "Your invoice", "Please pay.");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("doesn't belong to this customer", (await response.DocumentAsync()).TextOf("new-message-error"), StringComparison.Ordinal);
        Assert.Equal(0, await host.CountAsync<MessageThread>(office.Tenant));
    }
}
