using System.Net;
using OrchardPortal.Messages.Tests.Infrastructure;

namespace OrchardPortal.Messages.Tests;

/// <summary>Each new message emails the other side once, through the outbox, with a link back to the conversation.</summary>
public sealed class NotificationTests(SqliteMessagesApp host) : IClassFixture<SqliteMessagesApp>
{
    [Fact]
    public async Task A_staff_reply_emails_the_customers_portal_user_once_with_a_link_that_opens_the_conversation()
    {
        var office = await host.NewTenantAsync();
        var casey = await host.SignedInCustomerAsync(office.Tenant);
        var threadId = (await casey.Browser.CustomerStartAsync(null, "Gate code", "Customer text 4471")).ThreadId();

        await office.Staff.StaffReplyAsync(threadId, "Office reply: noted <b>4471</b>.\nSee you Tuesday.", TestFile.Pdf());

        var mail = Assert.Single(await host.Mail.WaitForMailAsync(m => m.IsFor(casey.Email) && m.Subject.StartsWith("New message", StringComparison.Ordinal), MessagesApp.MailTimeout));
        Assert.Contains("Gate code", mail.Subject, StringComparison.Ordinal);
        Assert.Contains("Office reply: noted &lt;b&gt;4471&lt;/b&gt;.", mail.Html, StringComparison.Ordinal);
        Assert.Contains("See you Tuesday.", mail.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Customer text", mail.Html, StringComparison.Ordinal);
        Assert.Contains("1 file is attached", mail.Html, StringComparison.Ordinal);
        var link = Assert.Single(MessagesApp.Links(mail).Distinct());
        Assert.Equal(Conversations.Thread(threadId), link);

        var opened = await casey.Browser.PageAsync(link);
        Assert.Contains("See you Tuesday.", opened.QuerySelector("#latest .message-body")!.TextContent, StringComparison.Ordinal);
        var visitor = await host.App.CreateClient(office.Tenant.Host).GetAsync(link);
        Assert.Equal(HttpStatusCode.Redirect, visitor.StatusCode);
        Assert.Equal("/sign-in?returnUrl=" + Uri.EscapeDataString(link), visitor.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task A_customer_message_emails_the_office_addresses_with_a_link_to_the_staff_conversation_and_not_the_customer()
    {
        var office = await host.NewTenantAsync();
        var casey = await host.SignedInCustomerAsync(office.Tenant, "Casey", "Whitfield");
        var (invoiceId, number) = await host.IssuedInvoiceAsync(office.Tenant, casey.Customer.Id);

        var threadId = (await casey.Browser.CustomerStartAsync("invoice:" + invoiceId, "", "Was the late fee removed?")).ThreadId();
        await office.Staff.StaffReplyAsync(threadId, "Yes, it was.");

        var toOffice = Assert.Single(await host.Mail.WaitForMailAsync(m => m.IsFor(office.NotificationEmail), MessagesApp.MailTimeout));
        Assert.Equal($"New message from Casey Whitfield: About invoice {number}", toOffice.Subject);
        Assert.Contains("Was the late fee removed?", toOffice.Text, StringComparison.Ordinal);
        var link = Assert.Single(MessagesApp.Links(toOffice).Distinct());
        Assert.Equal("/admin/messages/" + threadId, link);
        var page = await office.Staff.PageAsync(link);
        Assert.Contains("Was the late fee removed?", page.QuerySelector(".message-body")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Invoice " + number, page.QuerySelector(".lead")!.TextContent, StringComparison.Ordinal);

        var toCustomer = Assert.Single(await host.Mail.WaitForMailAsync(m => m.IsFor(casey.Email) && m.Subject.StartsWith("New message", StringComparison.Ordinal), MessagesApp.MailTimeout));
        Assert.Contains("Yes, it was.", toCustomer.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("late fee", toCustomer.Text, StringComparison.Ordinal);
        Assert.Single(await host.Mail.WaitForMailAsync(m => m.IsFor(office.NotificationEmail), MessagesApp.MailTimeout));
    }

    [Fact]
    public async Task Customers_who_cannot_open_messages_are_not_emailed_and_staff_are_told_why()
    {
        var office = await host.NewTenantAsync(messagesTab: false);
        var casey = await host.SignedInCustomerAsync(office.Tenant);
        var threadId = (await office.Staff.StaffStartAsync(casey.Customer.Id, null, "Hidden", "You will not see this.")).ThreadId();
        await host.SetPortalSettingsAsync(office.Tenant, s => s.EnabledTabs.Add("messages"));
        await office.Staff.StaffReplyAsync(threadId, "Now you can.");

        var mail = Assert.Single(await host.Mail.WaitForMailAsync(m => m.IsFor(casey.Email) && m.Subject.StartsWith("New message", StringComparison.Ordinal), MessagesApp.MailTimeout));
        Assert.Contains("Now you can.", mail.Text, StringComparison.Ordinal);
        await host.SetPortalSettingsAsync(office.Tenant, s => s.EnabledTabs.Remove("messages"));
        Assert.NotNull((await office.Staff.PageAsync("/admin" + Conversations.Thread(threadId))).GetElementById("customer-cannot-read"));
    }
}
