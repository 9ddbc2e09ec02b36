using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using OrchardPortal.PortalUsers.Services;
using OrchardPortal.Web.Testing;

namespace OrchardPortal.PortalUsers.Tests;

/// <summary>
/// Nobody reaches data that isn't theirs: staff of one tenant get 404 for customer and portal-user ids
/// that aren't in their tenant or don't belong together, and a signed-in customer asking every portal
/// URL that takes an id, with another customer's ids, never sees that customer's data.
/// </summary>
public sealed class AdminAccessTests(AdminTestHost host) : IClassFixture<AdminTestHost>
{
    [Fact]
    public async Task Customer_and_user_ids_from_another_tenant_or_another_customer_are_404_and_change_nothing()
    {
        var (tenantA, staffA) = await host.NewTenantAsync();
        var (tenantB, _) = await host.NewTenantAsync();
        var (a1, a2) = (AdminTestHost.Unique("a1"), AdminTestHost.Unique("a2"));
        var idsA = await host.ImportAsync(tenantA, AdminTestHost.Person("Alma", "First", a1), AdminTestHost.Person("Arlo", "Second", a2));
        var idsB = await host.ImportAsync(tenantB,
            AdminTestHost.Person("Bea", "One", AdminTestHost.Unique("b1")), AdminTestHost.Person("Ben", "Two", AdminTestHost.Unique("b2")),
            AdminTestHost.Person("Bri", "Three", AdminTestHost.Unique("b3")));
        Assert.Equal(HttpStatusCode.Redirect, (await AdminTestHost.SendRegistrationLinkAsync(staffA, idsA[0])).StatusCode);
        var userA1 = (await UsersAsync(tenantA, idsA[0])).Single();
        var onlyInB = idsB.Max() + 1000;

        Assert.Equal(HttpStatusCode.NotFound, (await staffA.GetAsync($"/admin/customers/{onlyInB}/portal-users")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await staffA.GetAsync($"/admin/customers/{onlyInB}/portal-users/new")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await staffA.GetAsync($"/admin/customers/{idsA[1]}/portal-users/{userA1}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await staffA.GetAsync($"/admin/customers/{idsA[0]}/portal-users/{userA1 + 1000}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await staffA.GetAsync($"/admin/customers/{idsA[0]}/portal-users/not-a-number")).StatusCode);

        // Posting to a user through the wrong customer's page is refused, and the user is untouched.
        var page = $"/admin/customers/{idsA[1]}/portal-users";
        foreach (var handler in new[] { "Disable", "Remove", "Reset", "Invite", "Enable" })
        {
            var response = await staffA.PostFormAsync(page, [], $"{page}?handler={handler}&userId={userA1}");
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await staffA.PostFormAsync($"/admin/customers/{idsA[0]}/portal-users", [], $"/admin/customers/{onlyInB}/portal-users?handler=InviteCustomer")).StatusCode);
        var still = await AdminTestHost.PageAsync(staffA, $"/admin/customers/{idsA[0]}/portal-users");
        Assert.Contains("Invited", still.QuerySelector("table.portal-users tbody tr .badge")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_signed_in_customer_asking_every_portal_url_with_another_customers_ids_never_sees_their_data()
    {
        var (tenant, staff) = await host.NewTenantAsync();
        var (mine, theirs) = (AdminTestHost.Unique("mine"), AdminTestHost.Unique("theirs"));
        var ids = await host.ImportAsync(tenant, AdminTestHost.Person("Marta", "Mine", mine, "(630) 555-0111"), AdminTestHost.Person("Tobias", "Theirs", theirs, "(630) 555-0199"));
        var marta = await host.InviteAndActivateAsync(tenant, staff, ids[0], mine);
        var tobias = await host.InviteAndActivateAsync(tenant, staff, ids[1], theirs);
        var theirUser = (await UsersAsync(tenant, ids[1])).Single();
        // Tobias has something of his own in flight: a contact-change request.
        var request = await tobias.PostFormAsync("/account/update-information", UpdateInformationTests.Fields("Tobias", "Theirs", theirs, "(630) 555-0100"));
        Assert.Equal(HttpStatusCode.Redirect, request.StatusCode);

        var secrets = new[] { "Tobias", "Theirs", theirs, "555-0199", "555-0100" };
        var checkedUrls = 0;
        foreach (var url in PortalUrls(ids[1], theirUser))
        {
            foreach (var method in new[] { HttpMethod.Get, HttpMethod.Post })
            {
                using var message = new HttpRequestMessage(method, url);
                if (method == HttpMethod.Post)
                {
                    message.Content = new FormUrlEncodedContent([new("CustomerId", ids[1].ToString(CultureInfo.InvariantCulture)), new("UserId", theirUser.ToString(CultureInfo.InvariantCulture))]);
                }

                var response = await marta.SendAsync(message);
                var body = await response.Content.ReadAsStringAsync();
                Assert.True((int)response.StatusCode < 500, $"{method} {url} answered {(int)response.StatusCode}.");
                foreach (var secret in secrets)
                {
                    Assert.False(body.Contains(secret, StringComparison.OrdinalIgnoreCase), $"{method} {url} showed another customer's '{secret}'.");
                }

                checkedUrls++;
            }
        }

        Assert.True(checkedUrls >= 12, $"Only {checkedUrls} portal URLs were checked.");
        var own = await AdminTestHost.PageAsync(marta, $"/account/update-information?customerId={ids[1]}&id={ids[1]}");
        Assert.Equal("Marta", own.QuerySelector("#ui-firstname")!.GetAttribute("value"));
    }

    /// <summary>
    /// Every customer-portal route of the running host (not admin, API or host-site pages), with each route
    /// parameter filled with the other customer's (or user's) id, plus the tab and account pages with the
    /// ids in the query string, so routes added later by other modules are covered too.
    /// </summary>
    private IEnumerable<string> PortalUrls(long customerId, long userId)
    {
        var sources = host.App.Services.GetRequiredService<EndpointDataSource>();
        var patterns = sources.Endpoints.OfType<RouteEndpoint>().Select(e => e.RoutePattern)
            .Where(p => p.RawText is { } raw && !raw.TrimStart('/').StartsWith("admin", StringComparison.OrdinalIgnoreCase)
                && !raw.TrimStart('/').StartsWith("api", StringComparison.OrdinalIgnoreCase)
                && !raw.Contains("error", StringComparison.OrdinalIgnoreCase)
                && !raw.Contains("{**", StringComparison.Ordinal) && !raw.Contains("{*", StringComparison.Ordinal)
                && !raw.Contains("signup", StringComparison.OrdinalIgnoreCase) && !raw.Contains("operator", StringComparison.OrdinalIgnoreCase)
                // Signing out is not data access, and would end the session the rest of the test relies on.
                && !raw.Contains("sign-out", StringComparison.OrdinalIgnoreCase))
            .Select(p => p.RawText!).Distinct(StringComparer.Ordinal).ToList();
        foreach (var raw in patterns)
        {
            var pattern = RoutePatternFactory.Parse(raw);
            var path = "/" + string.Join('/', pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
            {
                RoutePatternLiteralPart literal => literal.Content,
                RoutePatternParameterPart parameter => parameter.Name.Contains("user", StringComparison.OrdinalIgnoreCase)
                    ? userId.ToString(CultureInfo.InvariantCulture)
                    : customerId.ToString(CultureInfo.InvariantCulture),
                _ => "",
            }))));
            yield return path + $"?customerId={customerId}&id={customerId}&userId={userId}";
        }
    }

    private Task<List<long>> UsersAsync(TenantHandle tenant, long customerId) =>
        host.App.InTenantScopeAsync(tenant.Name, async sp =>
            (await sp.GetRequiredService<PortalUserService>().ListForCustomerAsync(customerId, CancellationToken.None)).Select(u => u.Id).ToList());
}
