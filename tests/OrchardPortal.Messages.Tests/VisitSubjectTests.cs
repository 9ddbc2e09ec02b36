using System.Net;
using Microsoft.Extensions.DependencyInjection;
using OrchardPortal.Messages.Models;
using OrchardPortal.Messages.Tests.Infrastructure;
using OrchardPortal.Visits.Services;

namespace OrchardPortal.Messages.Tests;

/// <summary>Conversations about a visit: offered from the visit page, and only for the customer's own visits.</summary>
public sealed class VisitSubjectTests(SqliteMessagesApp host) : IClassFixture<SqliteMessagesApp>
{
    [Fact]
    public async Task A_customer_messages_about_their_own_visit_but_not_about_another_customers()
    {
        var office = await host.NewTenantAsync();
        await host.SetPortalSettingsAsync(office.Tenant, s => s.EnabledTabs.Add("schedule"));
        var casey = await host.SignedInCustomerAsync(office.Tenant, "Casey");
        var dana = await host.CustomerAsync(office.Tenant, "Dana");
        var caseysVisit = await VisitAsync(office, casey.Customer.Id);
        var danasVisit = await VisitAsync(office, dana.Id);

        var visitPage = await casey.Browser.PageAsync("/schedule/" + caseysVisit);
        var link = visitPage.GetElementById("message-about-visit")?.GetAttribute("href");
        Assert.Equal("/messages/new?about=visit:" + caseysVisit, link);
        var form = await casey.Browser.PageAsync(link!);
        Assert.Equal("visit:" + caseysVisit, form.QuerySelector("#message-about option[selected]")?.GetAttribute("value"));

        var refused = await casey.Browser.CustomerStartAsync("visit:" + danasVisit, "", "Can you come earlier?");
        var started = await casey.Browser.CustomerStartAsync("visit:" + caseysVisit, "", "Can you come earlier?");

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var thread = await casey.Browser.PageAsync(Conversations.Thread(started.ThreadId()));
        Assert.StartsWith("About visit on ", thread.QuerySelector("h1")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal("/schedule/" + caseysVisit, thread.QuerySelector("#thread-about a")?.GetAttribute("href"));
        Assert.Equal(1, await host.CountAsync<MessageThread>(office.Tenant));
    }

    // Staff schedule it (the service the admin's schedule form calls), in three days' time.
    private Task<long> VisitAsync(Office office, long customerId) =>
        host.InTenantAsync(office.Tenant, async sp =>
        {
            var start = DateTimeOffset.UtcNow.AddDays(3);
            var result = await sp.GetRequiredService<VisitService>().ScheduleAsync(
                new ScheduleVisit(customerId, null, "Lawn mowing", start, start.AddHours(2)), CancellationToken.None);
            Assert.True(result.Succeeded, string.Join("; ", result.Errors.Values));
            return result.VisitId!.Value;
        });
}
