using Microsoft.Extensions.DependencyInjection;
using OrchardPortal.PortalUsers.Services;
using OrchardPortal.PortalUsers.Tests.Infrastructure;

namespace OrchardPortal.PortalUsers.Tests;

public sealed class BulkInvitationTests(SqlitePortalUsersApp app) : IClassFixture<SqlitePortalUsersApp>
{
    [Fact]
    public async Task Inviting_many_customers_sends_exactly_one_email_each_and_lists_those_it_could_not_invite()
    {
        var tenant = await app.CreateTenantAsync();
        var emails = Enumerable.Range(0, 25).Select(i => PortalClient.UniqueEmail("bulk" + i)).ToList();
        var ids = new List<long>();
        foreach (var email in emails)
        {
            ids.Add(await app.CreateCustomerAsync(tenant, "Bulk", "Customer", email));
        }

        var noEmail = await app.CreateCustomerAsync(tenant, "Nadia", "Noemail", email: null);
        var result = await app.InTenantScopeAsync(tenant, sp =>
            sp.GetRequiredService<PortalInvitationService>().InviteManyAsync([.. ids, noEmail, ids[0]], CancellationToken.None));

        Assert.Equal(25, result.Sent);
        var problem = Assert.Single(result.Problems);
        Assert.Equal(noEmail, problem.CustomerId);
        foreach (var email in emails)
        {
            await app.Mail.LinkAsync(email, "/activate/");
        }

        var all = await app.Mail.GetAllAsync();
        Assert.All(emails, e => Assert.Single(all, m => m.IsFor(e)));

        var page = await app.UsersAsync(tenant, u => u.SearchAsync(new PortalUserQuery { PageSize = 100 }, CancellationToken.None));
        Assert.Equal(25, page.TotalCount);
        var without = await app.UsersAsync(tenant, u => u.SearchAsync(new PortalUserQuery { WithoutAccount = true }, CancellationToken.None));
        Assert.Equal([noEmail], without.Items.Select(r => r.CustomerId));
    }
}
