using OrchardPortal.Staff.Tests.Infrastructure;

namespace OrchardPortal.Staff.Tests;

public abstract class OwnerHandoffTests(StaffPortal portal)
{
    private const string Refused = "That sign-in link has expired or was already used. Please sign in with your email and password.";

    [Fact]
    public async Task The_signup_landing_link_signs_the_new_owner_in_exactly_once()
    {
        var tenant = await portal.CreateTenantAsync();
        Assert.StartsWith("/admin/handoff?token=", tenant.OwnerLandingPath, StringComparison.Ordinal);
        var owner = portal.CreateClient(tenant.Host);
        var someoneElse = portal.CreateClient(tenant.Host);

        var first = await owner.GetAsync(tenant.OwnerLandingPath);
        var second = await someoneElse.GetAsync(tenant.OwnerLandingPath);

        Assert.Equal("/admin", first.Location());
        Assert.Contains("Welcome, Olivia", await owner.BodyAsync("/admin"), StringComparison.Ordinal);
        Assert.True(second.IsRedirectToLogin());
        Assert.Contains(Refused, await someoneElse.BodyAsync("/admin/login"), StringComparison.Ordinal);
        Assert.True((await someoneElse.GetAsync("/admin")).IsRedirectToLogin());
    }

    [Fact]
    public async Task A_landing_link_older_than_two_minutes_is_refused()
    {
        var tenant = await portal.CreateTenantAsync();
        var client = portal.CreateClient(tenant.Host);

        portal.Clock.Advance(TimeSpan.FromMinutes(3));
        var response = await client.GetAsync(tenant.OwnerLandingPath);

        Assert.True(response.IsRedirectToLogin());
        Assert.True((await client.GetAsync("/admin")).IsRedirectToLogin());
    }

    [Fact]
    public async Task A_landing_link_of_one_tenant_does_not_sign_in_on_another()
    {
        var a = await portal.CreateTenantAsync();
        var b = await portal.CreateTenantAsync();
        var client = portal.CreateClient(b.Host);

        var response = await client.GetAsync(a.OwnerLandingPath);

        Assert.True(response.IsRedirectToLogin());
        Assert.True((await client.GetAsync("/admin")).IsRedirectToLogin());
    }
}

public sealed class OwnerHandoffTestsOnSqlite(SqliteStaffPortal portal) : OwnerHandoffTests(portal), IClassFixture<SqliteStaffPortal>;

public sealed class OwnerHandoffTestsOnPostgres(PostgresStaffPortal portal) : OwnerHandoffTests(portal), IClassFixture<PostgresStaffPortal>;
