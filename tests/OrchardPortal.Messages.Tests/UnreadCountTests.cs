using System.Globalization;
using OrchardPortal.Messages.Tests.Infrastructure;

namespace OrchardPortal.Messages.Tests;

/// <summary>Unread counts on both sides: what each side has not read from the other, cleared by opening the conversation.</summary>
public sealed class UnreadCountTests(SqliteMessagesApp host) : IClassFixture<SqliteMessagesApp>
{
    [Fact]
    public async Task Staff_replies_raise_the_customers_tab_badge_until_they_open_the_conversation()
    {
        var office = await host.NewTenantAsync();
        var casey = await host.SignedInCustomerAsync(office.Tenant);
        var threadId = (await casey.Browser.CustomerStartAsync(null, "Gate code", "New code is 4471.")).ThreadId();
        Assert.Equal(0, await casey.Browser.PortalBadgeAsync());

        await office.Staff.StaffReplyAsync(threadId, "Thanks, noted.");
        await office.Staff.StaffReplyAsync(threadId, "The crew has it too.");

        Assert.Equal(2, await casey.Browser.PortalBadgeAsync());
        var list = await casey.Browser.PageAsync("/messages");
        Assert.Contains("2 new", list.QuerySelector($"[data-thread-id='{threadId}']")!.TextContent, StringComparison.Ordinal);

        await casey.Browser.PageAsync(Conversations.Thread(threadId));

        Assert.Equal(0, await casey.Browser.PortalBadgeAsync());
        Assert.Null((await casey.Browser.PageAsync("/messages")).QuerySelector(".thread-unread"));
    }

    [Fact]
    public async Task Customer_messages_raise_the_admin_menu_badge_until_staff_open_them_and_own_messages_never_count()
    {
        var office = await host.NewTenantAsync();
        var casey = await host.SignedInCustomerAsync(office.Tenant, "Casey");
        var dana = await host.SignedInCustomerAsync(office.Tenant, "Dana");

        var caseyThread = (await casey.Browser.CustomerStartAsync(null, "Gate code", "4471")).ThreadId();
        await casey.Browser.CustomerReplyAsync(caseyThread, "Sorry, 4472.");
        var danaThread = (await dana.Browser.CustomerStartAsync(null, "Dog", "Dog is out Tuesday.")).ThreadId();

        Assert.Equal(3, await office.Staff.AdminBadgeAsync());
        Assert.Equal(0, await casey.Browser.PortalBadgeAsync());
        var unread = await office.Staff.PageAsync("/admin/messages?unread=true");
        Assert.Equal(2, unread.QuerySelectorAll("tr[data-thread-id]").Length);

        await office.Staff.PageAsync("/admin" + Conversations.Thread(caseyThread));
        Assert.Equal(1, await office.Staff.AdminBadgeAsync());

        await office.Staff.StaffReplyAsync(danaThread, "Thanks, we'll close the gate.");
        Assert.Equal(0, await office.Staff.AdminBadgeAsync());
        Assert.Equal(1, await dana.Browser.PortalBadgeAsync());
        Assert.Equal(0, await casey.Browser.PortalBadgeAsync());
        var remaining = await office.Staff.PageAsync("/admin/messages?unread=true");
        Assert.Empty(remaining.QuerySelectorAll("tr[data-thread-id]"));
    }

    [Fact]
    public async Task The_customers_list_shows_unread_conversations_first()
    {
        var office = await host.NewTenantAsync();
        var casey = await host.SignedInCustomerAsync(office.Tenant);
        var older = (await office.Staff.StaffStartAsync(casey.Customer.Id, null, "Spring schedule", "We start in April.")).ThreadId();
        var newer = (await casey.Browser.CustomerStartAsync(null, "Gate code", "4471")).ThreadId();

        var rows = (await casey.Browser.PageAsync("/messages")).QuerySelectorAll("[data-thread-id]").Select(r => r.GetAttribute("data-thread-id")).ToList();

        Assert.Equal([older.ToString(CultureInfo.InvariantCulture), newer.ToString(CultureInfo.InvariantCulture)], rows);
        Assert.Equal(1, await casey.Browser.PortalBadgeAsync());
    }
}
