using System.Net;
using Microsoft.Extensions.DependencyInjection;
using OrchardPortal.Portal.Models;
using OrchardPortal.Portal.Services;
using OrchardPortal.Portal.Tests.Infrastructure;

namespace OrchardPortal.Portal.Tests.Portal;

/// <summary>
/// Per-customer access has no admin screen yet (customers arrive with a later issue), so these tests set
/// a customer's access through the service that screen will call, and sign customers in with the test header.
/// </summary>
public sealed class CustomerAccessTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private Task<bool> SetAccessAsync(Web.Testing.TenantHandle tenant, string customerId, bool deny, params string[] hidden) =>
        portal.InTenantScopeAsync(tenant, async sp =>
        {
            await sp.GetRequiredService<CustomerPortalAccessService>().SaveAsync(customerId, deny, hidden, CancellationToken.None);
            return true;
        });

    [Fact]
    public async Task A_tab_hidden_from_one_customer_is_gone_for_them_only()
    {
        var tenant = await portal.CreateTenantAsync();
        await SetAccessAsync(tenant, "cust-hidden", false, "invoices");
        var hiddenFrom = portal.CreateCustomerClient(tenant.Host, "cust-hidden");
        var other = portal.CreateCustomerClient(tenant.Host, "cust-other");

        var (hiddenStatus, _) = await hiddenFrom.GetPageAsync("/invoices");
        var (homeStatus, home) = await hiddenFrom.GetPageAsync("/");
        var (otherStatus, otherPage) = await other.GetPageAsync("/invoices");

        Assert.Equal(HttpStatusCode.NotFound, hiddenStatus);
        Assert.Equal(HttpStatusCode.OK, homeStatus);
        Assert.Equal(["Home", "Payments", "History"], Html.NavigationTabs(home));
        Assert.Equal(HttpStatusCode.OK, otherStatus);
        Assert.Contains("Invoices", Html.NavigationTabs(otherPage));
    }

    [Fact]
    public async Task A_customer_denied_the_portal_gets_no_page_of_it()
    {
        var tenant = await portal.CreateTenantAsync(companyName: "Hazel Gardens");
        await SetAccessAsync(tenant, "cust-denied", true);
        var denied = portal.CreateCustomerClient(tenant.Host, "cust-denied");

        foreach (var path in new[] { "/", "/payments", "/history" })
        {
            var (status, page) = await denied.GetPageAsync(path);
            Assert.Equal(HttpStatusCode.Forbidden, status);
            Assert.Contains("Your portal access is switched off", page, StringComparison.Ordinal);
            Assert.Empty(Html.NavigationTabs(page));
        }
    }

    [Fact]
    public async Task Clearing_a_customers_exceptions_gives_them_every_enabled_tab_again()
    {
        var tenant = await portal.CreateTenantAsync();
        await SetAccessAsync(tenant, "cust-back", true, "payments");
        await SetAccessAsync(tenant, "cust-back", false);

        var (status, page) = await portal.CreateCustomerClient(tenant.Host, "cust-back").GetPageAsync("/payments");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(["Home", "Payments", "Invoices", "History"], Html.NavigationTabs(page));
    }

    [Fact]
    public async Task The_policy_combines_tenant_settings_and_customer_exceptions()
    {
        var tenant = await portal.CreateTenantAsync();
        await SetAccessAsync(tenant, "c1", false, "history");

        var decisions = await portal.InTenantScopeAsync(tenant, async sp =>
        {
            var policy = sp.GetRequiredService<IPortalAccessPolicy>();
            return new[]
            {
                await policy.CheckTabAsync("c1", "history", CancellationToken.None),
                await policy.CheckTabAsync("c1", "payments", CancellationToken.None),
                await policy.CheckTabAsync("c1", "estimates", CancellationToken.None),
                await policy.CheckTabAsync(null, "history", CancellationToken.None),
                await policy.CheckTabAsync("c2", "no-such-tab", CancellationToken.None),
            };
        });

        Assert.Equal(
            [PortalAccessDecision.TabHidden, PortalAccessDecision.Allowed, PortalAccessDecision.TabDisabled, PortalAccessDecision.Allowed, PortalAccessDecision.TabDisabled],
            decisions);
    }

    [Fact]
    public async Task Hiding_an_unknown_tab_is_refused()
    {
        var tenant = await portal.CreateTenantAsync();

        await Assert.ThrowsAsync<ArgumentException>(() => SetAccessAsync(tenant, "c1", false, "secret-tab"));
    }
}
