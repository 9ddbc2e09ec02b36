using OrchardPortal.Messages.Tests.Infrastructure;

namespace OrchardPortal.Messages.Tests;

/// <summary>The same tables, ownership rule and unread counts on PostgreSQL (a schema per tenant).</summary>
public sealed class PostgresMessagesTests(PostgresMessagesApp host) : IClassFixture<PostgresMessagesApp>
{
    [Fact]
    public async Task On_postgres_a_conversation_about_an_invoice_counts_unread_on_both_sides_and_stays_with_its_customer()
    {
        var office = await host.NewTenantAsync();
        var casey = await host.SignedInCustomerAsync(office.Tenant, "Casey");
        var dana = await host.SignedInCustomerAsync(office.Tenant, "Dana");
        var (invoiceId, _) = await host.IssuedInvoiceAsync(office.Tenant, casey.Customer.Id);

        var threadId = (await casey.Browser.CustomerStartAsync("invoice:" + invoiceId, "", "Late fee?", TestFile.Pdf())).ThreadId();
        Assert.Equal(1, await office.Staff.AdminBadgeAsync());
        await office.Staff.StaffReplyAsync(threadId, "Removed.");

        Assert.Equal(0, await office.Staff.AdminBadgeAsync());
        Assert.Equal(1, await casey.Browser.PortalBadgeAsync());
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await dana.Browser.GetAsync(Conversations.Thread(threadId))).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, (await dana.Browser.CustomerStartAsync("invoice:" + invoiceId, "", "Mine?")).StatusCode);
        await casey.Browser.PageAsync(Conversations.Thread(threadId));
        Assert.Equal(0, await casey.Browser.PortalBadgeAsync());
        var rows = (await office.Staff.PageAsync("/admin/messages?about=invoice")).QuerySelectorAll("tr[data-thread-id]");
        Assert.Equal(threadId.ToString(System.Globalization.CultureInfo.InvariantCulture), Assert.Single(rows).GetAttribute("data-thread-id"));
    }
}
